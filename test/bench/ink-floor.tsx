// The reference for start-up: the least an Ink app can do (render one line, then exit).
import {render, Text, useApp} from 'ink';
import {useEffect} from 'react';

function Floor() {
	const {exit} = useApp();
	useEffect(() => exit(), [exit]);
	return <Text>Ink floor</Text>;
}

render(<Floor />);
