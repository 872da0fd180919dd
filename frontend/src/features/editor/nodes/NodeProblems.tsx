import type { NodeErrors } from '../graphErrors';

/** labels name the node's own fields in its error list; inputs and whole-node errors read on their own. */
const labels: Record<string, string> = { name: 'Name', type: 'Type', id: 'Id' };

/** NodeProblems lists a node's own errors (name, type, unconnected inputs…) and counts its settings to fix in the form. */
export function NodeProblems({ errors }: { errors: NodeErrors }) {
  const fields = Object.keys(errors.fields).length;
  return (
    <ul role="alert" data-testid="node-problems" className="mx-2 mb-2 space-y-0.5 rounded bg-red-50 p-1.5 text-[11px] text-red-700">
      {Object.entries(errors.node).map(([key, msg]) => (
        <li key={key}>{labels[key] ? `${labels[key]}: ${msg}` : msg}</li>
      ))}
      {fields > 0 && <li>{fields === 1 ? '1 setting to fix' : `${fields} settings to fix`}: select the node.</li>}
    </ul>
  );
}
