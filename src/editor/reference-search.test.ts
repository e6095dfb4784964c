import { describe, expect, it } from 'vitest';
import { LUA_API } from '../shared/lua-api.ts';
import { countEntries, searchReference } from './reference-search.ts';

const names = (query: string) =>
  searchReference(LUA_API, query).map((m) => [
    m.name,
    [...m.functions.map((f) => f.name), ...m.classes.flatMap((c) => c.methods.map((f) => f.name))],
  ]);

describe('searchReference', () => {
  it('shows everything for an empty query', () => {
    expect(searchReference(LUA_API, '  ')).toBe(LUA_API.modules);
  });

  it('narrows to the functions that match every word', () => {
    const found = names('close code');
    const websocket = found.find(([m]) => m === 'websocket');
    expect(websocket?.[1]).toContain('close');
    expect(websocket?.[1]).toContain('close_info');
    expect(websocket?.[1]).not.toContain('connect');
    expect(found.some(([m]) => m === 'json')).toBe(false);
  });

  it('keeps a whole module when its own name matches', () => {
    const [json] = searchReference(LUA_API, 'JSON');
    expect(json.name).toBe('json');
    expect(json).toBe(LUA_API.modules.find((m) => m.name === 'json'));
  });

  it('finds options of websocket.connect by name', () => {
    const [ws] = searchReference(LUA_API, 'read_limit');
    expect(ws.name).toBe('websocket');
    expect(ws.options?.items.map((o) => o.name)).toEqual(['read_limit']);
    expect(countEntries(ws)).toBeGreaterThan(0);
  });

  it('finds nothing for nonsense', () => {
    expect(searchReference(LUA_API, 'zzqxj')).toEqual([]);
  });
});
