/** Rounds an amount in major units to cents. */
export function roundMoney(amount: number): number {
	return Math.round((amount + Number.EPSILON) * 100) / 100;
}
