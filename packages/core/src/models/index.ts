// Public surface of the customer-base models (BG/NBD, Pareto/NBD, Gamma-Gamma) and their tools.
export type { ModelError, ModelErrorCode, Result as ModelResult } from './result.ts';
export { lnGamma, lnAbsGamma, lnBeta } from './special/log-gamma.ts';
export { digamma } from './special/digamma.ts';
export { hyp2f1 } from './special/hyp2f1.ts';
export { logAddExp, logSumExp, log1pExp, log1mExp } from './special/log-sum-exp.ts';
export { minimizeBfgs, type BfgsOptions, type BfgsResult } from './optimize/bfgs.ts';
export type { Objective } from './optimize/line-search.ts';
export { numericalHessian, invertMatrix, standardErrorsFromLogHessian } from './optimize/hessian.ts';
export { summarizeTransactions, type TransactionColumns, type SummaryOptions, type RfmSummary, type TimeUnit as ModelTimeUnit } from './summary/rfm-summary.ts';
export { compressRfm, type WeightedRfm } from './summary/compress.ts';
export { dayNumberFromYmd, dayNumberFromCompact } from './summary/day-number.ts';
export type { RfmInput, CommonFitOptions } from './rfm-input.ts';
export { fitBgNbd, type BgNbdParams, type BgNbdFit, type BgNbdFitOptions } from './bgnbd/fit.ts';
export {
  bgnbdExpectedPurchases, bgnbdConditionalExpected, bgnbdConditionalExpectedResult,
  bgnbdProbabilityAlive, bgnbdProbabilityOfPurchases,
} from './bgnbd/expectations.ts';
export {
  fitGammaGamma, gammaGammaExpectedSpend, gammaGammaExpectedSpendResult,
  type GammaGammaParams, type GammaGammaFit, type GammaGammaFitOptions,
} from './gamma-gamma/fit.ts';
export {
  fitParetoNbd, paretoNbdProbabilityAlive, paretoNbdConditionalExpected, paretoNbdExpectedPurchases, type ParetoNbdFit,
} from './pareto-nbd/fit.ts';
export type { ParetoNbdParams } from './pareto-nbd/likelihood.ts';
export { predictCustomers, type CustomerPredictions, type PredictionInput, type PredictionOptions } from './predict/customer-predictions.ts';
export { customerLifetimeValue, UNITS_PER_MONTH, type ClvOptions } from './predict/clv.ts';
export { medianTimeToNextPurchaseIfAlive, probabilityAlive, conditionalExpected, type PurchaseModel } from './predict/models-adapter.ts';
export { CHURN_BANDS, DEFAULT_CHURN_THRESHOLDS, churnBandCode, type ChurnBand, type ChurnThresholds } from './predict/churn-band.ts';
export { simulateBgNbd, type SimulatedCustomers, type SimulationOptions } from './simulate/simulate-bgnbd.ts';
export { createRng, type Rng } from './simulate/prng.ts';
