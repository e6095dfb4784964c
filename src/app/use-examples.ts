/** The gallery manifest, fetched once; and opening an example by name (a script or a project). */
import { useCallback, useEffect, useRef, useState } from 'react';
import { fetchExample, fetchManifest, fetchProjectExample } from '../examples/manifest.ts';
import type { ExampleEntry, ExampleManifest } from '../examples/manifest.ts';

export function useExamples() {
  const [examples, setExamples] = useState<ExampleEntry[]>([]);
  const [error, setError] = useState<string | null>(null);
  /** The one fetch of the manifest, which an example opened from the URL may await. */
  const manifest = useRef<Promise<ExampleManifest> | null>(null);
  useEffect(() => {
    let live = true;
    manifest.current ??= fetchManifest();
    manifest.current
      .then((m) => live && setExamples(m.examples))
      .catch((e: unknown) => live && setError(String((e as Error).message ?? e)));
    return () => {
      live = false;
    };
  }, []);
  /** The manifest's entry for `name`, once the manifest is in (undefined when it failed). */
  const findExample = useCallback(async (name: string) => {
    manifest.current ??= fetchManifest();
    try {
      return (await manifest.current).examples.find((e) => e.name === name);
    } catch {
      return undefined;
    }
  }, []);
  return { examples, error, fetchExample, fetchProjectExample, findExample };
}
