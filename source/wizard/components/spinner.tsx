import {Text} from 'ink';
import {useEffect, useState} from 'react';

const frames = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** One spinner frame and a label; a single timer per spinner, and only one is ever on screen. */
export function Spinner({label}: {readonly label: string}) {
	const [frame, setFrame] = useState(0);
	useEffect(() => {
		const timer = setInterval(() => setFrame((f) => (f + 1) % frames.length), 120);
		return () => clearInterval(timer);
	}, []);
	return (
		<Text>
			<Text color="cyan">{frames[frame]}</Text> {label}
		</Text>
	);
}
