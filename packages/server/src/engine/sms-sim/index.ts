/** The SMS provider simulator (`huitou sms-sim`): Aliyun and Tencent Cloud SMS protocols on one local port. */
export { startSmsSimulator, type SmsSimulator } from './sim-server.ts';
export { runSmsSimulatorCli, smsSimOptionsFromArgv, SMS_SIM_USAGE, type SmsSimCliIo } from './sim-cli.ts';
export { replyPayload, beijingTime } from './sim-reply.ts';
export { ALIYUN_REFUSAL_CODES } from './sim-aliyun.ts';
export { TENCENT_REFUSAL_CODES } from './sim-tencent.ts';
export {
  SIM_DEFAULT_CREDENTIALS,
  type SimCredentials, type SimFailureConfig, type SimFault, type SimMessage, type SimPermanentReason, type SimProvider,
  type SimReplyInput, type SimReplyResult, type SimStats, type SmsSimulatorOptions,
} from './sim-types.ts';
