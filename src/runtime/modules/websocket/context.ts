/** What the `websocket` library needs from its run; passed in by run.ts. */
import type { Connection } from '../../connection.ts';
import type { DemoHosts } from '../../route.ts';
import type { Scheduler } from '../../scheduler.ts';
import type { Transport } from '../../transport/types.ts';
import type { Policy } from '../../../policy/types.ts';
import type { RunObserver } from '../../../shared/run-events.ts';
import type { ChannelLibrary } from '../channel.ts';
import type { Timers } from '../time.ts';

export type TransportChoice = { transport: Transport; why: string };

export interface WebsocketContext {
  scheduler: Scheduler;
  timers: Timers;
  channels: ChannelLibrary;
  observer: RunObserver;
  policy: Policy;
  demoHosts: DemoHosts;
  transport: TransportChoice;
  /** Connections not yet ended, by id: what the run closes when it ends. */
  connections: Map<number, Connection>;
  /** After a connection ended and left `connections`. */
  connectionEnded(): void;
  now(): number;
  /** True once the run has ended: clients kept by a host no longer have a runtime. */
  ended(): boolean;
  /** The run's connection counter (shared by its processes); default one per library. */
  nextConnectionId?: () => number;
}
