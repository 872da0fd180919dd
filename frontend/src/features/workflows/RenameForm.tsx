import { useId, useState } from 'react';
import { limits } from '../../api/limits.gen';
import { Button } from '../../components/ui/button';
import { Input } from '../../components/ui/input';

/** NAME_MAX is the longest name a workflow may have, as the API bounds it. */
const NAME_MAX = limits.WorkflowSettingsPatch.name.maxLength;

/**
 * RenameForm renames a workflow in its row: the name as long as the API
 * allows, Enter or Rename to save, Escape or Cancel to leave it as it was;
 * error is why the server refused the last try, shown under the field.
 */
export function RenameForm({ name, busy, error, onRename, onCancel }: {
  name: string;
  busy: boolean;
  error: string;
  onRename: (name: string) => void;
  onCancel: () => void;
}) {
  const [value, setValue] = useState(name);
  const errorId = useId();
  const trimmed = value.trim();
  return (
    <form className="flex min-w-0 flex-1 flex-col gap-1" data-testid="rename-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (trimmed === name) onCancel();
        else if (trimmed) onRename(trimmed);
      }}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        e.preventDefault();
        onCancel();
      }}>
      <div className="flex gap-2">
        <Input name="name" value={value} onChange={(e) => setValue(e.target.value)} autoFocus aria-label="New name" maxLength={NAME_MAX}
          aria-invalid={!!error} aria-describedby={error ? errorId : undefined} data-testid="rename-input" />
        <Button type="submit" size="sm" disabled={busy || !trimmed}>Rename</Button>
        <Button type="button" size="sm" variant="ghost" onClick={onCancel}>Cancel</Button>
      </div>
      {error && <p id={errorId} role="alert" className="text-xs text-red-700" data-testid="rename-error">{error}</p>}
    </form>
  );
}
