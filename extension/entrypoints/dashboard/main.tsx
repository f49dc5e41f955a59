import { render } from 'preact';
import { DashboardApp } from '../../dashboard/DashboardApp';
import '../../components/styles.css';

render(<DashboardApp />, document.getElementById('app')!);
