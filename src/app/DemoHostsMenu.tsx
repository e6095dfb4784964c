/**
 * The demo-hosts mapping: which example hosts of the documentation are routed to the
 * built-in demo servers, with the toggle (on by default).
 */
import { Popover } from './Popover.tsx';
import { toWebSocketUrl } from '../runner/page-config.ts';

export interface DemoHostsMenuProps {
  mapping: Record<string, string>;
  enabled: boolean;
  onToggle(enabled: boolean): void;
}

export function DemoHostsMenu({ mapping, enabled, onToggle }: DemoHostsMenuProps) {
  const hosts = Object.entries(mapping);
  return (
    <Popover
      label={
        <>
          <span
            className={`dot ${enabled && hosts.length > 0 ? 'dot-on' : 'dot-off'}`}
            aria-hidden="true"
          />
          Demo hosts
        </>
      }
      title="Route the documentation's example hosts to the built-in demo servers"
      testId="toolbar.demo-hosts"
    >
      <div className="demo-hosts">
        <label className="check">
          <input
            type="checkbox"
            checked={enabled}
            onChange={(e) => onToggle(e.target.checked)}
            data-testid="demo-hosts.toggle"
          />
          Route example hosts to the demo servers
        </label>
        {hosts.length === 0 ? (
          <p className="hint">
            This server offers no demo hosts (started without the demo servers).
          </p>
        ) : (
          <table className="mapping" data-testid="demo-hosts.mapping">
            <thead>
              <tr>
                <th>host as written</th>
                <th>goes to</th>
              </tr>
            </thead>
            <tbody>
              {hosts.map(([host, base]) => (
                <tr key={host} className={enabled ? '' : 'is-off'}>
                  <td className="mono">{host}</td>
                  <td className="mono">{toWebSocketUrl(base, window.location)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <p className="hint">
          The policy judges the URL as the script wrote it; the inspector shows both.
        </p>
      </div>
    </Popover>
  );
}
