import { FileArchive, Loader2 } from 'lucide-react';
import { useState } from 'react';
import { api } from '../../api/client';
import { Button } from '../../components/ui/button';
import { saveFile } from '../../lib/download';
import { slug } from './gallery';
import { problemText } from '../../api/problemText';

/**
 * DownloadAll downloads a run's final ads as one zip (with a manifest of
 * what made each), through the API with its sign-in, under the name the
 * server gives it; what went wrong shows beside it.
 */
export function DownloadAll({ executionId, workflowName }: { executionId: string; workflowName: string }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  /** download fetches the zip and hands it to the browser. */
  const download = async () => {
    setBusy(true);
    setError('');
    try {
      const { blob, name } = await api.exportRun(executionId);
      saveFile(blob, name ?? `${slug(workflowName) || 'ads'}.zip`);
    } catch (err) {
      setError(problemText(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <span className="flex shrink-0 items-center gap-2">
      {error && <span role="alert" className="max-w-64 truncate text-red-600" title={error}>{error}</span>}
      <Button type="button" variant="outline" size="sm" className="h-7" onClick={download} disabled={busy} data-testid="download-all" title="Download every final ad of this run as a zip">
        {busy ? <Loader2 className="h-3.5 w-3.5 animate-spin" /> : <FileArchive className="h-3.5 w-3.5" />} Download all
      </Button>
    </span>
  );
}
