export type EmployeeBand = '1-10' | '11-50' | '51-200' | '201-500' | '501-1000' | '1001-5000' | '5001+';

/** Band of a head count (use `EmployeeCount.count`, the lower bound); null below one employee. */
export function employeeBand(count: number): EmployeeBand | null {
  if (!Number.isFinite(count) || count < 1) return null;
  if (count <= 10) return '1-10';
  if (count <= 50) return '11-50';
  if (count <= 200) return '51-200';
  if (count <= 500) return '201-500';
  if (count <= 1000) return '501-1000';
  if (count <= 5000) return '1001-5000';
  return '5001+';
}
