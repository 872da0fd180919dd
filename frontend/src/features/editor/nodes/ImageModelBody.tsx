import { modelOf } from '../ranges';
import { withDefaults, type BodyProps } from './body';

/** ImageModelBody shows the model and how many images it asks for, at which ratio or size. */
export function ImageModelBody({ config, spec }: BodyProps<'IMAGE_MODEL'>) {
  const c = withDefaults(config, spec);
  const model = spec ? modelOf(spec.config_schema, c) : undefined;
  const p = c.parameters ?? {};
  const count = p.num_images ?? model?.text_to_image.params.num_images?.default;
  const shape = p.image_size ?? p.aspect_ratio;
  return <>{[model?.label ?? c.model, count !== undefined && `${count} image(s)`, shape].filter(Boolean).join(' · ')}</>;
}
