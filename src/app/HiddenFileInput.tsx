/**
 * A file picker with no look of its own: a button elsewhere clicks it through `inputRef`. Its
 * value is cleared after each pick, so picking the same file again is a change too.
 */
import type { RefObject } from 'react';

export function HiddenFileInput({
  inputRef,
  accept,
  folder = false,
  testId,
  onFiles,
}: {
  inputRef: RefObject<HTMLInputElement | null>;
  accept?: string;
  /** Pick a whole folder (webkitdirectory) instead of one file. */
  folder?: boolean;
  testId: string;
  /** Called before the value is cleared: read what it needs from `files` at once. */
  onFiles(files: FileList | null): void;
}) {
  // React passes unknown lowercase attributes through; webkitdirectory picks a folder.
  const folderProps = folder ? { webkitdirectory: '', directory: '', multiple: true } : {};
  return (
    <input
      ref={inputRef}
      type="file"
      accept={accept}
      hidden
      data-testid={testId}
      {...folderProps}
      onChange={(e) => {
        onFiles(e.target.files);
        e.target.value = '';
      }}
    />
  );
}
