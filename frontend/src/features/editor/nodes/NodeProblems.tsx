import { cn } from '../../../lib/cn';
import type { NodeErrors } from '../graphErrors';
import { NODE_TEXT } from './nodeText';

/** labels name the node's own fields in its problem list; inputs and whole-node problems read on their own. */
const labels: Record<string, string> = { name: 'Name', type: 'Type', id: 'Id' };

/**
 * NodeProblems lists a node's own problems (name, type, unconnected
 * inputs…) and counts its settings to look at in the form: errors (the save
 * or run was refused) in red, warnings (saved anyway) in amber, each marked
 * in words too.
 */
export function NodeProblems({ problems, tone }: { problems: NodeErrors; tone: 'error' | 'warning' }) {
  const fields = Object.entries(problems.fields);
  const warning = tone === 'warning';
  return (
    <ul role={warning ? 'status' : 'alert'} data-testid={warning ? 'node-warnings' : 'node-problems'}
      className={cn('mx-2 mb-2 space-y-0.5 rounded p-1.5', NODE_TEXT, warning ? 'bg-amber-50 text-amber-800' : 'bg-red-50 text-red-700')}>
      <li className="sr-only">{warning ? 'Warnings:' : 'Errors:'}</li>
      {Object.entries(problems.node).map(([key, msg]) => (
        <li key={key}>{labels[key] ? `${labels[key]}: ${msg}` : msg}</li>
      ))}
      {/* A warning's text is short and fixed by connecting a node, so it shows here; an error's is in the form. */}
      {warning ? fields.map(([key, msg]) => <li key={key} className="line-clamp-2" title={msg}>{msg}</li>)
        : fields.length > 0 && <li>{fields.length === 1 ? '1 setting to fix' : `${fields.length} settings to fix`}: select the node.</li>}
    </ul>
  );
}
