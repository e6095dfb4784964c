/** The transport choice; in the toolbar, or in the settings popover on narrow screens. */
import type { TransportMode } from '../shared/worker-protocol.ts';

export function TransportSelect({
  transport,
  onTransport,
  relayAvailable,
}: {
  transport: TransportMode;
  onTransport(mode: TransportMode): void;
  relayAvailable: boolean;
}) {
  return (
    <label
      className="transport"
      title="How scripts reach the network: the relay can send custom headers, ping frames and close codes that the browser's WebSocket cannot"
    >
      <span>Transport</span>
      <select
        value={transport}
        onChange={(e) => onTransport(e.target.value as TransportMode)}
        data-testid="toolbar.transport"
      >
        <option value="auto">auto{relayAvailable ? ' (relay)' : ' (direct)'}</option>
        <option value="relay">relay</option>
        <option value="direct">direct</option>
      </select>
    </label>
  );
}
