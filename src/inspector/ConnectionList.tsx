/** Every connection of the run: URL as written and as routed, state, transport and why, etc. */
import type { ConnectionInfo } from '../shared/run-events.ts';
import type { FrameCounts } from '../app/run-store.ts';
import { formatBytes } from '../console/format-time.ts';

export interface ConnectionListProps {
  connections: ConnectionInfo[];
  counts: Map<number, FrameCounts>;
  selected: number | null;
  onSelect(id: number | null): void;
}

function Field({ label, value, mono = true }: { label: string; value: string; mono?: boolean }) {
  return (
    <>
      <dt>{label}</dt>
      <dd className={mono ? 'mono' : undefined}>{value}</dd>
    </>
  );
}

/** "relay (auto: relay reachable)"; the reason alone when it already names the transport. */
export function transportText(info: Pick<ConnectionInfo, 'transport' | 'transportWhy'>): string {
  if (!info.transportWhy) return info.transport;
  return info.transportWhy.startsWith(info.transport)
    ? info.transportWhy
    : `${info.transport} (${info.transportWhy})`;
}

function ConnectionCard({
  info,
  counts,
  selected,
  onSelect,
}: {
  info: ConnectionInfo;
  counts?: FrameCounts;
  selected: boolean;
  onSelect(): void;
}) {
  const closed = info.closeCode !== undefined;
  return (
    <li
      className={`conn-card ${selected ? 'is-selected' : ''}`}
      data-testid="inspector.connection"
      data-state={info.state}
      data-connection-id={info.id}
    >
      <button type="button" className="conn-head" onClick={onSelect} aria-pressed={selected}>
        <span className="conn-id">#{info.id}</span>
        <span
          className={`state-badge state-${info.state}`}
          data-testid="inspector.connection-state"
        >
          {info.state}
        </span>
        <span className="conn-url mono" title={info.url}>
          {info.url}
        </span>
        {counts && (
          <span className="conn-counts">
            ↑{counts.out} ↓{counts.in}
          </span>
        )}
      </button>
      <dl className="conn-fields">
        {info.routedUrl && info.routedUrl !== info.url && (
          <Field label="routed to" value={info.routedUrl} />
        )}
        <Field label="transport" value={transportText(info)} mono={false} />
        {info.protocol && <Field label="subprotocol" value={info.protocol} />}
        {info.extensions && <Field label="extensions" value={info.extensions} />}
        {closed && (
          <Field
            label="close"
            value={`${info.closeCode}${info.closeReason ? ` "${info.closeReason}"` : ''}`}
          />
        )}
        {counts && (
          <Field
            label="traffic"
            value={`sent ${formatBytes(counts.bytesOut)} · received ${formatBytes(counts.bytesIn)}`}
            mono={false}
          />
        )}
        {info.error && <Field label="error" value={info.error} />}
      </dl>
      {closed && (
        <span className="sr-only" data-testid="inspector.close-code">
          {info.closeCode}
        </span>
      )}
    </li>
  );
}

export function ConnectionList({ connections, counts, selected, onSelect }: ConnectionListProps) {
  if (connections.length === 0) {
    return (
      <p className="empty-note">
        No connections yet. Connections the script opens appear here with their frames.
      </p>
    );
  }
  return (
    <ul className="conn-list">
      {connections.map((info) => (
        <ConnectionCard
          key={info.id}
          info={info}
          counts={counts.get(info.id)}
          selected={selected === info.id}
          onSelect={() => onSelect(selected === info.id ? null : info.id)}
        />
      ))}
    </ul>
  );
}
