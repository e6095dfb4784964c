/**
 * The websocket module as the platform has it (docs/platform-differences.md), in the page:
 * lenient options with warnings in the console and the editor, `client:receive()`, the 16 close
 * codes, close codes replaced as module.go does, a second close failing, http:// URLs and the
 * connection failure for other schemes. Node runs the full set
 * (src/runtime/modules/websocket/*.integration.test.ts); this is a representative part.
 */
import { test, expect } from './fixtures.ts';

// The module's tests are pinned to Lua 5.3, whose print (tab-joined, `true`) their expectations
// are written in; one test runs the same script in the default dialect, as the platform prints.

const LENIENT = [
  'local c = assert(websocket.connect("wss://api.example.com/ws", { chanel_capacity = 5, compression = "context_takeover" }))',
  'assert(c:receive() == c:channel())',
  'assert(c:send("hi", 3))',
  'print("echo:", c:receive():receive().data)',
  'print("codes:", websocket.CLOSE_CODES.BAD_GATEWAY, websocket.CLOSE_CODES.RESERVED)',
  'c:close(999)',
  'local ok, err = c:close()',
  'print("again:", ok, err:message())',
].join('\n');

test.describe('websocket as on the platform', () => {
  test('ignores what the platform ignores, and shows a warning in the console and the editor', async ({
    playground,
  }) => {
    await playground.open({ code: LENIENT, dialect: 'lua53' });
    await playground.runAndWait('finished', 25_000);
    await playground.expectOutput(
      'echo:\thi',
      'codes:\t1014\t1004',
      'again:\tfalse\twebsocket connection not found',
    );
    const warnings = playground.output.locator('.console-warn');
    await expect(
      warnings.filter({ hasText: 'unknown option "chanel_capacity" ignored' }),
    ).toHaveCount(1);
    await expect(warnings.filter({ hasText: 'type 3 is not websocket.TEXT' })).toHaveCount(1);
    await expect(warnings.filter({ hasText: 'code 999 is outside 1000-4999' })).toHaveCount(1);
    // One marker per warned line: 1 (option), 3 (send type) and 6 (close code).
    await expect(playground.page.locator('.monaco-editor .squiggly-warning')).toHaveCount(3);
  });

  test('the same script in the default dialect prints as the platform prints it', async ({
    playground,
  }) => {
    await playground.open({ code: LENIENT });
    await playground.runAndWait('finished', 25_000);
    // platform-lua.md §1, rows print: one space between the arguments, `false` as ''.
    await expect(playground.output.locator('[data-stream="stdout"]')).toHaveText(
      ['echo: hi', 'codes: 1014 1004', 'again:  websocket connection not found'],
      { timeout: 3_000 },
    );
  });

  test('dials http:// as ws:// and fails other schemes as a retryable connection failure', async ({
    playground,
  }) => {
    await playground.open({
      code: [
        'local c = assert(websocket.connect("http://api.example.com/ws"))',
        'c:send("over http")',
        'print("echo:", c:channel():receive().data)',
        'c:close()',
        'local none, err = websocket.connect("ftp://api.example.com/ws")',
        'print("ftp:", none, err:kind() == errors.INTERNAL, err:retryable(), err:message())',
      ].join('\n'),
      dialect: 'lua53',
    });
    await playground.runAndWait('finished', 25_000);
    await playground.expectOutput(
      'echo:\tover http',
      'ftp:\tnil\ttrue\ttrue\tfailed to dial websocket: failed to WebSocket dial: unexpected url scheme: "ftp"',
    );
  });
});
