import { asRecord } from '../../../lib/record';
import { useRun } from '../../../stores/run';
import { withDefaults, type BodyProps } from './body';

/** OutputBody shows how many final images it delivers, in which ratio, and, after a run, when it received fewer images than it asked for. */
export function OutputBody({ id, config, spec }: BodyProps<'OUTPUT'>) {
  const c = withDefaults(config, spec);
  const short = asRecord(useRun((s) => s.nodes[id]?.output_data)).short;
  const formats = c.placements?.length ? `${c.placements.length} placement(s)` : c.aspect_ratio && `at ${c.aspect_ratio}`;
  return (
    <>
      {c.num_images ?? '?'} image(s) {formats}
      {typeof short === 'string' && (
        <span className="mt-0.5 block text-amber-800" data-testid="output-short" title={short}>
          <span className="sr-only">Warning: </span>{short}
        </span>
      )}
    </>
  );
}
