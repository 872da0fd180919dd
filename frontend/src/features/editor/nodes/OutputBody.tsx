import { withDefaults, type BodyProps } from './body';

/** OutputBody shows how many final images it delivers, in which ratio. */
export function OutputBody({ config, spec }: BodyProps<'OUTPUT'>) {
  const c = withDefaults(config, spec);
  return <>{c.num_images ?? '?'} image(s){c.aspect_ratio && ` at ${c.aspect_ratio}`}</>;
}
