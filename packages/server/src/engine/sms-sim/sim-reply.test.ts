import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aliyunFor, careMessage, tencentFor } from '../channels/sms/sms-test-fixtures.ts';
import { beijingTime } from './sim-reply.ts';
import { startSmsSimulator, type SmsSimulator } from './sim-server.ts';

interface Received {
  readonly path: string;
  readonly contentType: string;
  readonly body: unknown;
}

let receiver: Server;
let receiverUrl: string;
const received: Received[] = [];
let sim: SmsSimulator;

beforeAll(async () => {
  // Stands in for huitou's opt-out webhook: answers the way each provider expects.
  receiver = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      received.push({ path: req.url ?? '', contentType: String(req.headers['content-type']), body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(req.url === '/aliyun' ? '{"code":0,"msg":"成功"}' : '{"result":0,"errmsg":"OK"}');
    });
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
  sim = await startSmsSimulator({ replyCallbackUrls: { aliyun: `${receiverUrl}/aliyun`, tencent: `${receiverUrl}/tencent` } });
});
afterAll(async () => {
  await sim.close();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
});

describe('inbound reply forwarding', () => {
  it('forwards an Aliyun SmsUp message for a number last messaged through Aliyun', async () => {
    await aliyunFor(sim, { signName: '回头客示范店' }).send(careMessage('13800138000', { id: 'SMS_CARE_001', params: { name: 'a', item: 'b' } }));
    const response = await fetch(`${sim.url}/sim/reply`, { method: 'POST', body: JSON.stringify({ phone: '13800138000', text: 'TD' }) });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ provider: 'aliyun', status: 200, body: '{"code":0,"msg":"成功"}' });
    const last = received.at(-1);
    expect(last?.path).toBe('/aliyun');
    expect(last?.contentType).toContain('application/json');
    expect(last?.body).toEqual([{
      phone_number: '13800138000', content: 'TD', send_time: expect.stringMatching(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/),
      sign_name: '回头客示范店', dest_code: '', sequence_id: expect.any(Number),
    }]);
  });

  it('forwards a Tencent reply callback with mobile, nationcode, sign, text, time and extend', async () => {
    await tencentFor(sim, { signName: '示范店二号' }).send(careMessage('+8613800138001', { id: '449739', params: { '1': 'a' } }));
    const before = Math.floor(Date.now() / 1000);
    const result = await sim.reply({ phone: '13800138001', text: '退订', extend: '12' });
    expect(result).toMatchObject({ provider: 'tencent', status: 200 });
    expect(received.at(-1)).toMatchObject({
      path: '/tencent',
      body: { extend: '12', mobile: '13800138001', nationcode: '86', sign: '示范店二号', text: '退订', time: expect.any(Number) },
    });
    const body = received.at(-1)?.body as { time: number };
    expect(body.time).toBeGreaterThanOrEqual(before);
    expect(sim.stats().repliesForwarded).toBe(2);
  });

  it('honours an explicit provider, sign name and callback URL; refuses bad input', async () => {
    await sim.reply({ phone: '13800138002', text: 'R', provider: 'aliyun', signName: '别的店', callbackUrl: `${receiverUrl}/custom` });
    expect(received.at(-1)).toMatchObject({ path: '/custom', body: [{ phone_number: '13800138002', content: 'R', sign_name: '别的店' }] });
    expect((await fetch(`${sim.url}/sim/reply`, { method: 'POST', body: JSON.stringify({ phone: 'x', text: 'T' }) })).status).toBe(502);
    expect((await fetch(`${sim.url}/sim/reply`, { method: 'POST', body: JSON.stringify({ text: 'T' }) })).status).toBe(400);
  });

  it('formats send_time in Beijing time', () => {
    expect(beijingTime(new Date('2024-05-01T16:30:05Z'))).toBe('2024-05-02 00:30:05');
  });
});
