/**
 * The demo shop's catalogue: a 母婴/日用品 (mother-and-baby / household) Taobao shop.
 *
 * Consumables carry a consumption cycle per pack: one item of a SKU holds `packs` packs, so buying
 * `q` items lasts about `cycleDaysPerPack × packs × q` days (e.g. 80抽湿巾 ×3包 ≈ 60 days).
 * Durables (`cycleDaysPerPack` 0) are bought once and rarely again.
 */

/** One sellable SKU, as it appears in the detail file (标题, 商品属性, 价格, 商家编码). */
export interface Sku {
  /** Index in {@link CATALOGUE}. */
  readonly id: number;
  /** 商家编码. */
  readonly code: string;
  /** 标题. */
  readonly title: string;
  /** 商品属性. */
  readonly attributes: string;
  /** 价格 in cents. */
  readonly priceCents: number;
  /** Product family, e.g. `wipes`; a customer replenishes within one family. */
  readonly product: string;
  /** Packs in one item (the 购买数量 unit). */
  readonly packs: number;
  /** Days one pack lasts a typical household; 0 for durables. */
  readonly cycleDaysPerPack: number;
}

interface ProductSpec {
  readonly product: string;
  readonly title: string;
  readonly cycleDaysPerPack: number;
  /** Popularity as a staple (consumables) or as a one-off (durables). */
  readonly weight: number;
  readonly variants: readonly (readonly [code: string, attributes: string, priceCents: number, packs: number])[];
}

const PRODUCTS: readonly ProductSpec[] = [
  {
    product: 'wipes', title: '婴儿手口湿巾80抽 加厚带盖 新生儿专用湿纸巾', cycleDaysPerPack: 20, weight: 10,
    variants: [['WIPE-80-1', '规格：80抽*1包', 990, 1], ['WIPE-80-3', '规格：80抽*3包', 2690, 3], ['WIPE-80-10', '规格：80抽*10包', 7900, 10]],
  },
  {
    product: 'diapers', title: '超薄透气婴儿纸尿裤 男女宝宝通用尿不湿', cycleDaysPerPack: 25, weight: 8,
    variants: [['DIAPER-S-58', '尺码：S码58片', 8900, 1], ['DIAPER-M-50', '尺码：M码50片', 8900, 1], ['DIAPER-L-42', '尺码：L码42片', 8900, 1], ['DIAPER-XL-36', '尺码：XL码36片', 8900, 1]],
  },
  {
    product: 'formula', title: '婴幼儿配方牛奶粉 800g罐装', cycleDaysPerPack: 30, weight: 5,
    variants: [['FORMULA-2-1', '段数：2段;规格：800g*1罐', 19800, 1], ['FORMULA-2-3', '段数：2段;规格：800g*3罐', 56800, 3], ['FORMULA-3-1', '段数：3段;规格：800g*1罐', 18800, 1]],
  },
  {
    product: 'detergent', title: '婴儿酵素洗衣液 宝宝专用 温和去渍', cycleDaysPerPack: 45, weight: 4,
    variants: [['DETERG-2KG-1', '规格：2kg*1瓶', 3990, 1], ['DETERG-2KG-2', '规格：2kg*2瓶', 7580, 2]],
  },
  {
    product: 'cotton', title: '婴儿棉柔巾 干湿两用加厚洗脸巾', cycleDaysPerPack: 30, weight: 4,
    variants: [['COTTON-100-6', '规格：100抽*6包', 3590, 1]],
  },
  {
    product: 'bottlewash', title: '奶瓶清洗剂 果蔬清洁 植物配方 500ml', cycleDaysPerPack: 60, weight: 2,
    variants: [['BWASH-500', '规格：500ml', 2990, 1]],
  },
  {
    product: 'cream', title: '婴儿护臀膏 新生儿屁屁霜 55g', cycleDaysPerPack: 90, weight: 1.5,
    variants: [['CREAM-55', '规格：55g', 4500, 1]],
  },
  {
    product: 'toothbrush', title: '儿童软毛牙刷 宝宝乳牙刷 2支装', cycleDaysPerPack: 90, weight: 1,
    variants: [['TBRUSH-2', '颜色分类：粉蓝2支装', 1990, 1]],
  },
  {
    product: 'stroller', title: '轻便婴儿推车 可坐可躺 一键折叠', cycleDaysPerPack: 0, weight: 1.5,
    variants: [['STROLLER-GREY', '颜色分类：星空灰', 69900, 1], ['STROLLER-OAT', '颜色分类：燕麦色', 69900, 1]],
  },
  {
    product: 'highchair', title: '宝宝餐椅 多功能可调节 儿童吃饭桌椅', cycleDaysPerPack: 0, weight: 2,
    variants: [['CHAIR-1', '颜色分类：北欧白', 25900, 1]],
  },
  {
    product: 'rattle', title: '婴儿益智早教玩具 手摇铃牙胶套装', cycleDaysPerPack: 0, weight: 3,
    variants: [['TOY-RATTLE', '颜色分类：10件套', 5900, 1]],
  },
  {
    product: 'blocks', title: '儿童积木拼装玩具 大颗粒 100块', cycleDaysPerPack: 0, weight: 2,
    variants: [['TOY-BLOCKS', '规格：100块桶装', 12900, 1]],
  },
  {
    product: 'duck', title: '宝宝洗澡玩具 戏水小黄鸭 6只装', cycleDaysPerPack: 0, weight: 2.5,
    variants: [['TOY-DUCK', '颜色分类：小黄鸭6只', 1990, 1]],
  },
  {
    product: 'cup', title: '儿童保温杯 316不锈钢吸管杯', cycleDaysPerPack: 0, weight: 2,
    variants: [['CUP-316', '颜色分类：天空蓝', 8900, 1], ['CUP-316-P', '颜色分类：樱花粉', 8900, 1]],
  },
  {
    product: 'tub', title: '婴儿洗澡盆 可折叠 新生儿浴盆', cycleDaysPerPack: 0, weight: 1.5,
    variants: [['TUB-FOLD', '颜色分类：薄荷绿', 10900, 1]],
  },
];

/** A product family with its SKUs (ids into {@link CATALOGUE}). */
export interface ProductFamily {
  readonly product: string;
  readonly weight: number;
  readonly consumable: boolean;
  readonly skuIds: readonly number[];
}

function build(): { skus: Sku[]; families: ProductFamily[] } {
  const skus: Sku[] = [];
  const families: ProductFamily[] = [];
  for (const p of PRODUCTS) {
    const skuIds: number[] = [];
    for (const [code, attributes, priceCents, packs] of p.variants) {
      skuIds.push(skus.length);
      skus.push({ id: skus.length, code, title: p.title, attributes, priceCents, product: p.product, packs, cycleDaysPerPack: p.cycleDaysPerPack });
    }
    families.push({ product: p.product, weight: p.weight, consumable: p.cycleDaysPerPack > 0, skuIds });
  }
  return { skus, families };
}

const built = build();

/** Every SKU, indexed by `Sku.id`. */
export const CATALOGUE: readonly Sku[] = built.skus;

/** Product families, consumables first. */
export const FAMILIES: readonly ProductFamily[] = built.families;

/** Consumable families (the staples a repeat buyer replenishes). */
export const CONSUMABLE_FAMILIES: readonly ProductFamily[] = FAMILIES.filter((f) => f.consumable);

/** Durable families (one-off purchases). */
export const DURABLE_FAMILIES: readonly ProductFamily[] = FAMILIES.filter((f) => !f.consumable);

/** The SKU with this id; throws for an unknown id. */
export function skuById(id: number): Sku {
  const sku = CATALOGUE[id];
  if (!sku) throw new Error(`unknown SKU id ${id}`);
  return sku;
}
