import { useEffect, useState } from 'react';
import { fetchHealth, type Health } from './health';

/** App shows whether the backend is up; the editor grows from here. */
export function App() {
  const [health, setHealth] = useState<Health | null>(null);
  useEffect(() => {
    fetchHealth().then(setHealth);
  }, []);
  const text =
    health === null ? 'Checking the backend…' : health.ready ? 'Backend ready' : health.up ? 'Backend up, database not ready' : 'Backend unreachable';
  return (
    <main style={{ fontFamily: 'system-ui, sans-serif', padding: 32 }}>
      <h1>VisualAdGen</h1>
      <p role="status">{text}</p>
    </main>
  );
}
