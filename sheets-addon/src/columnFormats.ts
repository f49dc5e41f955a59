import type { ColumnType } from '../../core/sheet/workbookLayout';

/** Number formats by column type; text columns keep the default so typed values behave as usual. */
export const NUMBER_FORMATS: Partial<Record<ColumnType, string>> = {
  money: '#,##0.00;-#,##0.00',
  date: 'yyyy-mm-dd',
  percent: '0%',
  number: '0',
};

export const HEADER_BACKGROUND = '#e8eaed';
