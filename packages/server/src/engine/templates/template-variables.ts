/**
 * The variables sellers use in message templates, with what they hold and the length budget the SMS rules
 * assume for each when estimating segments (the real value is unknown when a template is saved).
 */

export interface SellerVariable {
  readonly path: string;
  readonly description: string;
  readonly descriptionZh: string;
  /** Characters assumed for the SMS length estimate. */
  readonly smsBudget: number;
  readonly example: string;
}

/** Every variable the engine fills for a customer message. */
export const SELLER_VARIABLES: readonly SellerVariable[] = Object.freeze([
  { path: 'shop.name', description: "the shop's name", descriptionZh: '店铺名称', smsBudget: 10, example: '小兔家居' },
  { path: 'customer.name', description: "the customer's name (may be empty)", descriptionZh: '客户姓名（可能为空）', smsBudget: 6, example: '王小明' },
  { path: 'customer.nick', description: "the customer's platform nickname (旺旺名 / 昵称)", descriptionZh: '客户平台昵称（旺旺名等）', smsBudget: 12, example: 'tb_xiaoming88' },
  { path: 'customer.tier', description: 'RFM / membership tier label', descriptionZh: '客户层级（如 VIP、沉睡）', smsBudget: 6, example: 'VIP' },
  { path: 'coupon.code', description: 'coupon code issued for this message', descriptionZh: '本次发放的优惠码', smsBudget: 12, example: 'HUI2025' },
  { path: 'coupon.value', description: 'coupon value in currency units (use | money)', descriptionZh: '优惠券面额（元，配合 | money 使用）', smsBudget: 8, example: '20' },
  { path: 'coupon.validUntil', description: 'last valid day of the coupon, YYYY-MM-DD (use | date)', descriptionZh: '优惠券有效期最后一天（配合 | date 使用）', smsBudget: 10, example: '2025-06-30' },
  { path: 'lastProduct.title', description: 'title of the last product bought', descriptionZh: '最近购买的商品名称', smsBudget: 20, example: '有机纯棉四件套' },
  { path: 'dueSku.title', description: 'consumable that is due for a repurchase', descriptionZh: '到期应复购的商品名称', smsBudget: 20, example: '洗衣凝珠 52 颗' },
  { path: 'dueSku.dueOn', description: 'date the consumable is expected to run out, YYYY-MM-DD', descriptionZh: '预计用完的日期', smsBudget: 10, example: '2025-05-20' },
]);

/** The paths of SELLER_VARIABLES, for `compileTemplate(source, { variables })`. */
export const SELLER_VARIABLE_PATHS: readonly string[] = Object.freeze(SELLER_VARIABLES.map((v) => v.path));

/** A data object filled with every variable's example, for previews and tests. */
export function exampleTemplateData(): Record<string, Record<string, string>> {
  const data: Record<string, Record<string, string>> = {};
  for (const v of SELLER_VARIABLES) {
    const [group = '', key = ''] = v.path.split('.');
    (data[group] ??= {})[key] = v.example;
  }
  return data;
}
