/**
 * Shopify customers export (role customers), current header (Customer ID, Accepts Email Marketing, …) and
 * legacy header (Company, Address1, …, Accepts Marketing). Key: Email, else phone, else Customer ID —
 * email first because the orders export has no customer id, so email is what joins the two.
 */
import type { BuyerKey } from '../../canonical.ts';
import type { TableVariant } from '../format-definition.ts';
import { chooseBuyerKey, normalizeEmail } from '../../cells/buyer-key.ts';
import { scoreHeader } from '../shared/columns.ts';
import { buildContact } from '../shared/contact.ts';
import { nz } from '../shared/order-builder.ts';
import { RowScope } from '../shared/row-scope.ts';

function yesNo(s: string): boolean | null {
  const t = s.trim().toLowerCase();
  if (t === 'yes' || t === 'true' || t === 'subscribed') return true;
  if (t === 'no' || t === 'false' || t === 'unsubscribed' || t === 'not_subscribed') return false;
  return null;
}

/** Shopify customers export. */
export const shopifyCustomers: TableVariant = {
  id: 'shopify-customers',
  role: 'customers',
  match: (h) => scoreHeader(h, ['First Name', 'Last Name', 'Email', 'Total Spent', 'Total Orders'], ['Customer ID', 'Phone', 'Tags', 'Accepts Email Marketing', 'Accepts Marketing']),
  createMapper(header, ctx) {
    const f = new RowScope(header, ctx);
    const c = {
      id: f.col('Customer ID'),
      first: f.req('First Name'),
      last: f.req('Last Name'),
      email: f.req('Email'),
      phone: f.col('Phone'),
      addrPhone: f.col(['Default Address Phone']),
      province: f.col(['Default Address Province Code', 'Province', 'Province Code']),
      city: f.col(['Default Address City', 'City']),
      emailMk: f.col(['Accepts Email Marketing', 'Accepts Marketing']),
      smsMk: f.col('Accepts SMS Marketing'),
      tags: f.col('Tags'),
    };
    const missing = f.missing();
    if (missing !== null) return missing;
    return {
      map(row, sink) {
        f.start(row, sink);
        if (f.blank()) return;
        const name = [f.text(c.first), f.text(c.last)].filter((s) => s !== '').join(' ');
        const contact = buildContact({ name, phone: f.text(c.phone), phone2: f.text(c.addrPhone), email: f.text(c.email), province: f.text(c.province), city: f.text(c.city) });
        const id = f.text(c.id);
        let buyer: BuyerKey | null = null;
        if (normalizeEmail(contact.email) !== null || contact.phone !== null) {
          buyer = chooseBuyerKey({ email: contact.email, phone: contact.phone, orderNo: '' });
        } else if (id !== '') buyer = { kind: 'platform_id', value: id };
        if (buyer === null) {
          f.issue(c.email, 'missing_customer', 'warning', 'customer has no Email, Phone or Customer ID; skipped');
          return;
        }
        sink.customer({
          line: row.line,
          buyer,
          contact,
          acceptsEmailMarketing: yesNo(f.text(c.emailMk)),
          acceptsSmsMarketing: yesNo(f.text(c.smsMk)),
          tags: nz(f.text(c.tags)),
        });
      },
      finish() {},
    };
  },
};
