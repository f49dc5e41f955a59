import { render } from 'preact';
import { PopupApp } from '../../popup/PopupApp';
import '../../components/styles.css';

render(<PopupApp search={location.search} />, document.getElementById('app')!);
