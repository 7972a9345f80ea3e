/**
 * Synthetic buyers: Taobao-like nicks, names, addresses and clearly fake phone numbers.
 * Nobody here is a real person: names are random surname + given-name characters, phones follow the
 * placeholder pattern `13800xxxxxx`, streets are generic, Alipay accounts are `@example.com`.
 */
import { gbkBytes } from './gbk.ts';
import type { Rng } from './prng.ts';

/** A buyer's identity, with GBK byte strings ready for the writer. */
export interface Person {
  /** 买家会员名 (unique per customer index). */
  readonly nick: string;
  /** 收货人姓名. */
  readonly name: string;
  /** 收货地址 `省 市 区 街道 …`. */
  readonly address: string;
  /** 联系手机, 11 digits, no leading quote. */
  readonly phone: string;
  /** 买家支付宝账号, or null when the export shows `null`. */
  readonly alipay: string | null;
  /** GBK byte strings of nick / name / address (see gbk.ts). */
  readonly nickBytes: string;
  readonly nameBytes: string;
  readonly addressBytes: string;
}

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程';
const GIVEN = '婷静丽敏燕娟霞芳颖雪琳佳欣怡晨宇浩杰涛鹏磊明华伟玲倩雯悦蕾洁梅兰琪萍红丹慧思嘉子文博';
const SURNAME_BYTES: readonly string[] = [...SURNAMES].map((c) => gbkBytes(c));
const GIVEN_BYTES: readonly string[] = [...GIVEN].map((c) => gbkBytes(c));
const PINYIN = ['xiao', 'yu', 'mama', 'baobao', 'tian', 'xin', 'le', 'an', 'mei', 'jia', 'yue', 'duo', 'mi', 'qiqi', 'lulu', 'candy', 'sunny', 'lily', 'coco', 'momo'];
const CN_NICKS = ['开心宝妈', '小鱼儿的妈妈', '阳光宝贝', '快乐的小熊', '甜甜圈', '糖豆妈咪', '暖暖的家', '小太阳'];

/** [province, city, districts, streets] — a handful of provinces and cities. */
const PLACES: readonly (readonly [string, string, readonly string[], readonly string[]])[] = [
  ['浙江省', '杭州市', ['西湖区', '余杭区', '滨江区'], ['文新街道', '五常街道', '长河街道']],
  ['浙江省', '宁波市', ['鄞州区', '海曙区'], ['首南街道', '南门街道']],
  ['江苏省', '南京市', ['建邺区', '鼓楼区'], ['沙洲街道', '宁海路街道']],
  ['江苏省', '苏州市', ['工业园区', '吴中区'], ['斜塘街道', '长桥街道']],
  ['上海', '上海市', ['浦东新区', '闵行区', '徐汇区'], ['花木街道', '古美路街道', '田林街道']],
  ['北京', '北京市', ['朝阳区', '海淀区'], ['望京街道', '学院路街道']],
  ['广东省', '广州市', ['天河区', '番禺区'], ['石牌街道', '市桥街道']],
  ['广东省', '深圳市', ['南山区', '宝安区'], ['粤海街道', '新安街道']],
  ['四川省', '成都市', ['武侯区', '高新区'], ['玉林街道', '桂溪街道']],
  ['湖北省', '武汉市', ['洪山区', '江汉区'], ['关山街道', '万松街道']],
  ['山东省', '济南市', ['历下区'], ['泉城路街道']],
  ['河南省', '郑州市', ['金水区'], ['花园路街道']],
];
const PLACE_WEIGHTS_CUM = cumulative([14, 6, 8, 7, 14, 10, 9, 9, 7, 6, 5, 5]);
const ROADS = ['幸福路', '和平路', '建设路', '人民路', '文化路', '光明路', '朝阳路', '新华路', '春晓路', '学林街'];
const ESTATES = ['阳光花园', '绿城小区', '锦绣家园', '和谐新村', '金色家园', '翠苑小区', '滨江花园', '书香苑'];

function cumulative(weights: readonly number[]): number[] {
  let sum = 0;
  return weights.map((w) => (sum += w) / weights.reduce((a, b) => a + b, 0));
}

/** Bijective scramble of 0..99,999,999 (odd multiplier coprime with 10⁸). */
function scramble(index: number): number {
  return (index * 48_271 + 7_777_777) % 100_000_000;
}

/**
 * Make the synthetic person for customer `index` (0-based, < 10⁸; nicks are unique per index).
 * Consumes a fixed-ish number of draws from `rng`.
 */
export function makePerson(index: number, rng: Rng): Person {
  const styleDraw = rng.next();
  let nick: string;
  let nickBytes: string;
  if (styleDraw < 0.45) {
    nick = nickBytes = `tb${scramble(index) + 100_000_000}`;
  } else if (styleDraw < 0.9) {
    nick = nickBytes = `${rng.pick(PINYIN)}${rng.chance(0.5) ? '_' : ''}${rng.pick(PINYIN)}${index + 1}`;
  } else {
    const word = rng.pick(CN_NICKS);
    nick = `${word}${index + 1}`;
    nickBytes = `${gbkBytes(word)}${index + 1}`;
  }

  const s = rng.int(SURNAMES.length);
  const g1 = rng.int(GIVEN.length);
  const g2 = rng.chance(0.7) ? rng.int(GIVEN.length) : -1;
  const name = SURNAMES[s]! + GIVEN[g1]! + (g2 < 0 ? '' : GIVEN[g2]!);
  const nameBytes = SURNAME_BYTES[s]! + GIVEN_BYTES[g1]! + (g2 < 0 ? '' : GIVEN_BYTES[g2]!);

  const u = rng.next();
  let placeIndex = PLACE_WEIGHTS_CUM.findIndex((c) => u < c);
  if (placeIndex < 0) placeIndex = PLACES.length - 1;
  const [province, city, districts, streets] = PLACES[placeIndex]!;
  const district = rng.pick(districts);
  const street = rng.pick(streets);
  const road = rng.pick(ROADS);
  const estate = rng.pick(ESTATES);
  const [no, building, floor, room] = [rng.between(1, 999), rng.between(1, 30), rng.between(1, 28), rng.between(1, 6)];
  const address = `${province} ${city} ${district} ${street} ${road}${no}号${estate}${building}栋${floor}0${room}室`;

  const phone = `13800${String(index % 1_000_000).padStart(6, '0')}`;
  const alipay = rng.chance(0.15) ? null : `hz${scramble(index)}@example.com`;

  const addressBytes =
    gbkBytes(province) + ' ' + gbkBytes(city) + ' ' + gbkBytes(district) + ' ' + gbkBytes(street) + ' ' +
    gbkBytes(road) + String(no) + gbkBytes('号') + gbkBytes(estate) + String(building) + gbkBytes('栋') +
    `${floor}0${room}` + gbkBytes('室');
  return { nick, name, address, phone, alipay, nickBytes, nameBytes, addressBytes };
}
