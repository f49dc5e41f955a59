import { render } from 'preact';
import { OptionsApp } from '../../options/OptionsApp';
import '../../components/styles.css';

render(<OptionsApp />, document.getElementById('app')!);
