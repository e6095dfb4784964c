/**
 * The Message a process receives on its inbox or a `listen(topic, {message = true})` channel
 * (wippyai/runtime runtime/lua/modules/process/message.go): `msg:topic()`, `msg:from()` (the
 * sender's pid, "" for the system: never nil, whatever the docs say), `msg:payload()` (nil, one
 * Payload, or a table of Payloads for a send of several values).
 */
import { lua, pushText, type LuaState } from '../../lua/api.ts';
import { userdataType } from '../../lua/userdata.ts';
import type { Copied } from '../../../process/types.ts';
import { pushPayload } from './payload.ts';

export interface MessageValue {
  from: string;
  topic: string;
  payloads: Copied[];
}

const messageType = userdataType<MessageValue>('process.Message');

export function pushMessage(L: LuaState, message: MessageValue): void {
  messageType.push(L, message);
}

export function registerMessage(L: LuaState): void {
  messageType.register(L, {
    methods: {
      topic(L1) {
        pushText(L1, messageType.check(L1, 1).topic);
        return 1;
      },
      from(L1) {
        pushText(L1, messageType.check(L1, 1).from);
        return 1;
      },
      payload(L1) {
        const { payloads } = messageType.check(L1, 1);
        if (payloads.length === 0) lua.lua_pushnil(L1);
        else if (payloads.length === 1) pushPayload(L1, payloads[0]);
        else {
          lua.lua_createtable(L1, payloads.length, 0);
          payloads.forEach((payload, i) => {
            pushPayload(L1, payload);
            lua.lua_rawseti(L1, -2, i + 1);
          });
        }
        return 1;
      },
    },
    metamethods: {
      __tostring(L1) {
        pushText(L1, `process.Message{topic=${messageType.check(L1, 1).topic}}`);
        return 1;
      },
    },
  });
}
