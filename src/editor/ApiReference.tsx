/**
 * The Lua API reference in the side panel, rendered from the same description as completion,
 * searchable as you type (reference-search.ts). Each function leads with one plain sentence
 * and an example (lua-api-help.ts). `/` in the panel goes to the search box, Escape clears it.
 */
import { memo, useDeferredValue, useRef, useState } from 'react';
import { LUA_API } from '../shared/lua-api.ts';
import type { LuaFunctionDoc } from '../shared/lua-api-types.ts';
import { functionHelp } from '../shared/lua-api-help.ts';
import { countEntries, searchReference } from './reference-search.ts';
import './reference.css';

/** `code` spans for backticked text; the descriptions use no other markdown. */
function Doc({ text }: { text: string }) {
  return (
    <>
      {text
        .split(/(`[^`]+`)/)
        .map((part, i) =>
          part.startsWith('`') ? (
            <code key={i}>{part.slice(1, -1)}</code>
          ) : (
            <span key={i}>{part}</span>
          ),
        )}
    </>
  );
}

function Fn({ fn }: { fn: LuaFunctionDoc }) {
  const help = functionHelp(fn);
  const rest = fn.doc.startsWith(help.summary) ? fn.doc.slice(help.summary.length).trim() : fn.doc;
  return (
    <div className="ref-fn" data-testid="reference.function">
      <div className="ref-sig mono">
        {fn.signature} <span className="ref-returns">→ {fn.returns}</span>
        {fn.addition && <span className="ref-tag">addition</span>}
      </div>
      <p className="ref-summary">
        <Doc text={help.summary} />
      </p>
      {help.example && <pre className="ref-example mono">{help.example}</pre>}
      {rest && (
        <p>
          <Doc text={rest} />
        </p>
      )}
      {fn.params.length > 0 && (
        <ul className="ref-params">
          {fn.params.map((p) => (
            <li key={p.name}>
              <code>{p.name}</code>
              {p.optional && '?'} <em>{p.type}</em> — <Doc text={p.doc} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export const ApiReference = memo(function ApiReference() {
  const [query, setQuery] = useState('');
  const search = useRef<HTMLInputElement>(null);
  const deferred = useDeferredValue(query);
  const modules = searchReference(LUA_API, deferred);
  const matches = modules.reduce((n, m) => n + countEntries(m), 0);
  return (
    <div
      className="reference"
      data-testid="reference.panel"
      // Focusable (not in the tab order), so a click in the text lets `/` reach the search.
      tabIndex={-1}
      onKeyDown={(e) => {
        const target = e.target as HTMLElement;
        if (e.key === '/' && !/^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) {
          e.preventDefault();
          search.current?.focus();
        }
      }}
    >
      <div className="ref-search" role="search">
        <input
          ref={search}
          type="search"
          placeholder="Search the reference (/)"
          aria-label="Search the reference"
          aria-controls="ref-results"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Escape' && query) {
              e.stopPropagation();
              setQuery('');
            }
          }}
          data-testid="reference.search"
        />
        <span className="ref-count" aria-live="polite" data-testid="reference.count">
          {deferred.trim() ? `${matches} match${matches === 1 ? '' : 'es'}` : ''}
        </span>
      </div>
      <nav className="ref-toc" aria-label="Modules">
        {modules.map((m) => (
          <a
            key={m.name}
            href={`#ref-${m.name}`}
            onClick={(e) => {
              e.preventDefault();
              document.getElementById(`ref-${m.name}`)?.scrollIntoView({ block: 'start' });
            }}
          >
            {m.name}
          </a>
        ))}
      </nav>
      {modules.length === 0 && (
        <p className="ref-doc" data-testid="reference.empty">
          Nothing matches “{deferred}”. Try a module name (websocket, channel, time, json) or a word
          such as timeout.
        </p>
      )}
      <div id="ref-results">
        {modules.map((m) => (
          <section key={m.name} id={`ref-${m.name}`} className="ref-module">
            <h3 className="mono">{m.name}</h3>
            <p className="ref-doc">
              <Doc text={m.doc} />
            </p>
            {m.functions.map((fn) => (
              <Fn key={fn.name} fn={fn} />
            ))}
            {m.tables.flatMap((t) =>
              (t.functions ?? []).map((fn) => <Fn key={`${t.name}.${fn.name}`} fn={fn} />),
            )}
            {m.options && (
              <table className="ref-table">
                <thead>
                  <tr>
                    <th>option</th>
                    <th>default</th>
                    <th>range</th>
                  </tr>
                </thead>
                <tbody>
                  {m.options.items.map((o) => (
                    <tr key={o.name}>
                      <td>
                        <code>{o.name}</code>
                        <div className="ref-small">
                          <Doc text={o.doc} />
                        </div>
                      </td>
                      <td className="mono">{o.default}</td>
                      <td className="ref-small">
                        <Doc text={o.range} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            {m.classes.map((c) => (
              <div key={c.name} className="ref-class">
                <h4 className="mono">{c.name}</h4>
                <p className="ref-doc">
                  <Doc text={c.doc} />
                </p>
                {c.methods.map((fn) => (
                  <Fn key={fn.name} fn={fn} />
                ))}
              </div>
            ))}
            {(m.constants.length > 0 || m.tables.length > 0) && (
              <div className="ref-constants mono">
                {m.constants.map((c) => (
                  <span key={c.name} title={c.doc}>
                    {m.name}.{c.name} = {JSON.stringify(c.value)}
                  </span>
                ))}
                {m.tables.flatMap((t) =>
                  t.members.map((c) => (
                    <span key={`${t.name}.${c.name}`} title={c.doc}>
                      {t.name}.{c.name} = {c.value}
                    </span>
                  )),
                )}
              </div>
            )}
            {m.errors && (
              <table className="ref-table">
                <thead>
                  <tr>
                    <th>condition</th>
                    <th>kind</th>
                    <th>retryable</th>
                  </tr>
                </thead>
                <tbody>
                  {m.errors.map((e) => (
                    <tr key={e.condition}>
                      <td className="ref-small">
                        <Doc text={e.condition} />
                      </td>
                      <td className="mono">{e.kind}</td>
                      <td>{e.retryable ? 'yes' : 'no'}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        ))}
      </div>
    </div>
  );
});
