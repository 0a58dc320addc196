import type { z } from 'zod'

/**
 * One bridge call: the schema its input must pass, and the type of its answer
 *
 * The schema is the only description of the input: the renderer's argument type is its
 * `z.input`, a handler's parameter its `z.output`, so a widened union or a new field
 * can't compile on one side and be refused at run time on the other. Outputs are not
 * validated (they come from our own services), so they are a type only.
 */
export interface CallSpec<S extends z.ZodType = z.ZodType, O = unknown> {
  input: S
  /** Never read at run time: carries the output type. */
  output?: O
}

/** `call<Output>()(schema)`: the output type is named, the input type inferred. */
export const call =
  <O>() =>
  <S extends z.ZodType>(input: S): CallSpec<S, O> => ({ input })
