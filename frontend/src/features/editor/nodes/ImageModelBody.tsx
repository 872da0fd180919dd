import { asRecord } from '../../../lib/record';
import { useRun } from '../../../stores/run';
import { modelOf } from '../ranges';
import { withDefaults, type BodyProps } from './body';

/** ImageModelBody shows the model and what it will generate: how many images, at which size and ratio (the estimate's plan, which follows the Output it feeds). */
export function ImageModelBody({ id, config, spec }: BodyProps<'IMAGE_MODEL'>) {
  const c = withDefaults(config, spec);
  const model = spec ? modelOf(spec.config_schema, c) : undefined;
  const plan = useRun((s) => s.estimates[id]);
  const blocked = asRecord(useRun((s) => s.nodes[id]?.output_data)).blocked;
  const p = c.parameters ?? {};
  const count = p.num_images ?? model?.text_to_image.params.num_images?.default;
  const ratio = p.aspect_ratio === 'match_output' ? undefined : p.aspect_ratio;
  const planned = plan?.plans?.map((q) => `${q.images} × ${q.width}×${q.height} · ${q.ratio}`).join(' + ');
  const fallback = count !== undefined && [p.image_size ? `${count} × ${p.image_size}` : `${count} image(s)`, ratio].filter(Boolean).join(' · ');
  return (
    <span data-testid="image-plan">
      {[model?.label ?? c.model, planned || fallback].filter(Boolean).join(' · ')}
      {typeof blocked === 'number' && blocked > 0 && (
        <span className="block text-amber-700" data-testid="blocked">{blocked} withheld by FAL's safety checker (still billed)</span>
      )}
    </span>
  );
}
