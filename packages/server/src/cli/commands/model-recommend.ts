/** huitou model recommend: placeholder until the recommender lands in core. */
import type { Lang } from '../../config.ts';
import { CommandError } from '../cli-error.ts';
import type { CommandContext } from '../command.ts';

export interface RecommendRequest {
  readonly db: string | undefined;
  readonly shop: string | undefined;
  readonly json: boolean;
  readonly lang: Lang;
  readonly limit: number;
  readonly evaluate: boolean;
  readonly holdoutDays: number;
  readonly customer: string | undefined;
  readonly asOf: string | undefined;
}

export async function recommendSubcommand(_ctx: CommandContext, _request: RecommendRequest): Promise<number> {
  throw new CommandError('not_ready', 'recommendations are not built yet');
}
