/** The policy format of the spec (`websocket-module.md`, "Policy"), as stored and exchanged. */

export type Effect = 'allow' | 'deny';
export type PolicyAction = 'websocket.connect' | 'websocket.connect.url';

export interface PolicyRule {
  effect: Effect;
  action: PolicyAction;
  /** A glob over the whole URL; only for `websocket.connect.url`. Absent = every URL. */
  resource?: string;
}

export interface Policy {
  version: 1;
  default: Effect;
  rules: PolicyRule[];
}

/** Why a request was allowed or denied: the deciding rule (by index) or the default. */
export interface Decision {
  allowed: boolean;
  action: PolicyAction;
  resource?: string;
  /** Index into `rules` of the rule that decided, or null when the default did. */
  ruleIndex: number | null;
  rule?: PolicyRule;
  /** One sentence for people, e.g. `denied by rule 1 (deny websocket.connect.url ws://*:*\/admin*)`. */
  explanation: string;
}
