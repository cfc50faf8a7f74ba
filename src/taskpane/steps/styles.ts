// The pane's shared styles (Fluent UI v9 makeStyles).
import { makeStyles, tokens } from '@fluentui/react-components';

export const usePaneStyles = makeStyles({
  root: {
    display: 'flex',
    flexDirection: 'column',
    minHeight: '100vh',
    backgroundColor: tokens.colorNeutralBackground2,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    display: 'flex',
    alignItems: 'center',
    justifyContent: 'space-between',
    gap: '8px',
    padding: '8px 12px',
    backgroundColor: tokens.colorBrandBackground,
    color: tokens.colorNeutralForegroundOnBrand,
  },
  main: {
    display: 'flex',
    flexDirection: 'column',
    gap: '12px',
    padding: '12px',
  },
  body: { display: 'flex', flexDirection: 'column', gap: '12px' },
  // one line of steps, scrolled sideways when the pane is narrow (never one step alone on a second line)
  tabs: {
    flexWrap: 'nowrap',
    overflowX: 'auto',
    paddingBottom: '2px',
    '& button': { flexShrink: 0 },
  },
  drop: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    padding: '16px',
    display: 'flex',
    flexDirection: 'column',
    gap: '8px',
    alignItems: 'flex-start',
  },
  list: {
    display: 'flex',
    flexDirection: 'column',
    gap: '4px',
    maxHeight: '240px',
    overflowY: 'auto',
  },
  preview: {
    borderCollapse: 'collapse',
    width: '100%',
    fontSize: tokens.fontSizeBase200,
    '& td, & th': {
      border: `1px solid ${tokens.colorNeutralStroke2}`,
      padding: '2px 4px',
      textAlign: 'center',
    },
  },
});
