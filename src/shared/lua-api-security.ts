/**
 * Part of the Lua API description (`lua-api.ts`, the one entry point): the `security` module as
 * the playground has it, a shim (runtime/lua/modules/security; src/runtime/modules/security.ts).
 */
import type { LuaFunctionDoc, LuaModule } from './lua-api-types.ts';

const idParam = { name: 'id', type: 'string', doc: '`namespace:name`.' };

const noPolicies = (name: string, what: string): LuaFunctionDoc => ({
  name,
  signature: `security.${name}(id)`,
  params: [idParam],
  returns: `${what} | nil, err`,
  doc: 'The playground has no security policies: always `nil, err` (kind Internal).',
});

export const SECURITY_MODULE: LuaModule = {
  name: 'security',
  doc: 'Actors and scopes that travel with what a process starts (`with_actor`, `with_scope` on spawners and executors), as the platform carries them. A shim: there are no policies, and every action is allowed. Available to entries that list `security` in `modules:`.',
  global: false,
  functions: [
    {
      name: 'actor',
      signature: 'security.actor()',
      params: [],
      returns: 'Actor | nil',
      doc: 'The actor this process or call was started with, inherited from its starter.',
    },
    {
      name: 'scope',
      signature: 'security.scope()',
      params: [],
      returns: 'Scope | nil',
      doc: 'The scope this process or call was started with.',
    },
    {
      name: 'new_actor',
      signature: 'security.new_actor(id [, meta])',
      params: [
        { name: 'id', type: 'string', doc: 'The actor id.' },
        { name: 'meta', type: 'table', optional: true, doc: 'Metadata (copied).' },
      ],
      returns: 'Actor',
      doc: 'A new actor, for `with_actor`.',
    },
    {
      name: 'new_scope',
      signature: 'security.new_scope([policies])',
      params: [
        {
          name: 'policies',
          type: 'table',
          optional: true,
          doc: 'Policy objects (there are none in the playground).',
        },
      ],
      returns: 'Scope',
      doc: 'A new scope, for `with_scope`.',
    },
    {
      name: 'can',
      signature: 'security.can(action, resource [, meta])',
      params: [
        { name: 'action', type: 'string', doc: 'E.g. "read".' },
        { name: 'resource', type: 'string', doc: 'E.g. "user:123".' },
        { name: 'meta', type: 'table', optional: true, doc: 'Ignored.' },
      ],
      returns: 'boolean',
      doc: 'Always true in the playground (every action is allowed), with a warning.',
    },
    noPolicies('policy', 'Policy'),
    noPolicies('named_scope', 'Scope'),
    {
      name: 'token_store',
      signature: 'security.token_store(id)',
      params: [idParam],
      returns: 'nil, err',
      doc: 'Token stores are not emulated: always `nil, err`.',
    },
  ],
  constants: [],
  tables: [],
  classes: [
    {
      name: 'Actor',
      doc: 'Who a process or call acts as.',
      methods: [
        {
          name: 'id',
          signature: 'actor:id()',
          params: [],
          returns: 'string',
          doc: 'The actor id.',
        },
        {
          name: 'meta',
          signature: 'actor:meta()',
          params: [],
          returns: 'table',
          doc: 'Its metadata, a fresh table on every call.',
        },
      ],
    },
    {
      name: 'Scope',
      doc: 'A set of policies (always empty in the playground); immutable.',
      methods: [
        {
          name: 'policies',
          signature: 'scope:policies()',
          params: [],
          returns: 'table',
          doc: 'Its policies, as a list.',
        },
        {
          name: 'contains',
          signature: 'scope:contains(policy)',
          params: [
            {
              name: 'policy',
              type: 'string|Policy|table',
              doc: 'An id, a Policy or `{ns=, name=}`.',
            },
          ],
          returns: 'boolean',
          doc: 'Whether the scope has the policy.',
        },
        {
          name: 'with',
          signature: 'scope:with(policy)',
          params: [{ name: 'policy', type: 'Policy', doc: 'A policy object.' }],
          returns: 'Scope',
          doc: 'A new scope with the policy added.',
        },
        {
          name: 'without',
          signature: 'scope:without(policy)',
          params: [
            {
              name: 'policy',
              type: 'string|Policy|table',
              doc: 'An id, a Policy or `{ns=, name=}`.',
            },
          ],
          returns: 'Scope',
          doc: 'A new scope without the policy.',
        },
        {
          name: 'evaluate',
          signature: 'scope:evaluate(actor, action, resource [, meta])',
          params: [
            { name: 'actor', type: 'Actor', doc: 'Who acts.' },
            { name: 'action', type: 'string', doc: 'The action.' },
            { name: 'resource', type: 'string', doc: 'The resource.' },
          ],
          returns: 'string',
          doc: 'Always "undefined" (no policies).',
        },
      ],
    },
  ],
};
