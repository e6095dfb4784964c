/** The child of deadline.ts: `tsx deadline-child.ts <module> <export> <json args>`. */
const [modulePath, exportName, json] = process.argv.slice(2) as [string, string, string];
const mod = (await import(modulePath)) as Record<string, (...args: unknown[]) => unknown>;
try {
  const value = await mod[exportName]!(...(JSON.parse(json) as unknown[]));
  console.log(JSON.stringify({ value }));
} catch (e) {
  console.log(
    JSON.stringify({ threw: e instanceof Error ? `${e.name}: ${e.message}` : String(e) }),
  );
}

export {};
