/** huitou sms-sim: the local SMS provider simulator (Aliyun and Tencent protocols) for the demo and tests. */
import { runSmsSimulatorCli } from '../../engine/sms-sim/index.ts';
import type { Command } from '../command.ts';

export const smsSimCommand: Command = {
  name: 'sms-sim',
  summary: { zh: '本地短信服务商模拟器（阿里云、腾讯云协议）', en: 'local SMS provider simulator (Aliyun and Tencent protocols)' },
  usage: 'huitou sms-sim [--port N] [--record FILE] [--failure-rate X] [--rate-limit N] [--delay-ms N] …',
  options: {},
  async run(argv, { io }) {
    return runSmsSimulatorCli(argv, { stdout: io.stdout, stderr: io.stderr });
  },
};
