/** Settings of the dashboard's numbers, from the service's configuration. */
export type DashboardSettings = {
  readonly currency: string;
  /** Minor units per unit of the currency (100 for USD and EUR). */
  readonly minorPerUnit: number;
  readonly customerLifeMonths: number;
};
