/** The gallery manifest, fetched once; and opening an example by name. */
import { useEffect, useState } from 'react';
import { fetchExample, fetchManifest } from '../examples/manifest.ts';
import type { ExampleEntry } from '../examples/manifest.ts';

export function useExamples() {
  const [examples, setExamples] = useState<ExampleEntry[]>([]);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    fetchManifest()
      .then((m) => live && setExamples(m.examples))
      .catch((e: unknown) => live && setError(String((e as Error).message ?? e)));
    return () => {
      live = false;
    };
  }, []);
  return { examples, error, fetchExample };
}
