// An order's lines and total, as the store's team and the shopper both see them.
import { Table, money } from "@/components/ui";

type Line = { id: string; productName: string; unitPriceCents: number; quantity: number };

export function OrderLines({
  items,
  currency,
  totalCents,
}: {
  items: Line[];
  currency: string;
  totalCents: number;
}) {
  return (
    <Table head={["Item", "Unit price", "Qty", "Line total"]}>
      {items.map((i) => (
        <tr key={i.id}>
          <td>{i.productName}</td>
          <td>{money(i.unitPriceCents, currency)}</td>
          <td>{i.quantity}</td>
          <td>{money(i.unitPriceCents * i.quantity, currency)}</td>
        </tr>
      ))}
      <tr>
        <td colSpan={3} className="text-right font-medium">
          Total
        </td>
        <td className="font-semibold">{money(totalCents, currency)}</td>
      </tr>
    </Table>
  );
}
