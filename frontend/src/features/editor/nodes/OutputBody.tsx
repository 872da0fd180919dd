import { asRecord } from '../../../lib/record';
import { usePlacements } from '../../../stores/placements';
import { useRun } from '../../../stores/run';
import { chosenPlacements, sizeText } from '../../creatives/placements';
import { withDefaults, type BodyProps } from './body';

/** SHOWN is how many chosen placements the node lists before it counts the rest. */
const SHOWN = 4;

/**
 * OutputBody shows how many final images it delivers and in which formats:
 * each chosen placement (platform, name and size), or its aspect ratio; and,
 * after a run, when it received fewer images than it asked for.
 */
export function OutputBody({ id, config, spec }: BodyProps<'OUTPUT'>) {
  const c = withDefaults(config, spec);
  const { byId } = usePlacements();
  const short = asRecord(useRun((s) => s.nodes[id]?.output_data)).short;
  const chosen = chosenPlacements(c.placements, byId);
  return (
    <>
      {chosen.length > 0 ? (
        <>
          {c.num_images ?? '?'} image(s) per placement:
          <ul className="mt-0.5" data-testid="output-placements">
            {chosen.slice(0, SHOWN).map((p) => (
              <li key={p.id} className="flex gap-1">
                <span className="min-w-0 flex-1 truncate" title={'platform' in p ? `${p.platform} ${p.name}` : p.id}>{'platform' in p ? `${p.platform} ${p.name}` : p.id}</span>
                {'width' in p && <span className="shrink-0 tabular-nums text-slate-500">{sizeText(p)}</span>}
              </li>
            ))}
            {chosen.length > SHOWN && <li className="text-slate-500">and {chosen.length - SHOWN} more</li>}
          </ul>
        </>
      ) : <>{c.num_images ?? '?'} image(s) {c.aspect_ratio && `at ${c.aspect_ratio}`}</>}
      {typeof short === 'string' && (
        <span className="mt-0.5 block text-amber-800" data-testid="output-short" title={short}>
          <span className="sr-only">Warning: </span>{short}
        </span>
      )}
    </>
  );
}
