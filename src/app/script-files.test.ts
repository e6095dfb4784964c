import { describe, expect, it } from 'vitest';
import { exportFileName, importedName, readImport, MAX_IMPORT_BYTES } from './script-files.ts';

describe('script files', () => {
  it('makes a safe .lua file name from a script name', () => {
    expect(exportFileName('Ping / pong (2)')).toBe('Ping-pong-2.lua');
    expect(exportFileName('chat.lua')).toBe('chat.lua');
    expect(exportFileName('../..')).toBe('script.lua');
    expect(exportFileName('基本受信')).toBe('基本受信.lua');
  });

  it('names an imported script after its file', () => {
    expect(importedName('reconnect.lua')).toBe('reconnect');
    expect(importedName('.lua')).toBe('Imported');
  });

  it('reads UTF-8 and refuses binary or oversized files', async () => {
    const ok = await readImport(new File(['print("ü")'], 'a.lua'));
    expect(ok).toEqual({ ok: true, name: 'a', code: 'print("ü")' });
    const binary = await readImport(new File([new Uint8Array([0xff, 0xfe, 0x00])], 'b.lua'));
    expect(binary).toMatchObject({ ok: false, error: expect.stringMatching(/not UTF-8/) });
    const big = await readImport(new File([new Uint8Array(MAX_IMPORT_BYTES + 1)], 'c.lua'));
    expect(big).toMatchObject({ ok: false, error: expect.stringMatching(/larger than 1 MiB/) });
  });
});
