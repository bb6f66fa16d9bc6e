// The @inquirer/prompts the commands use, named one by one: the bundle then leaves out the rest (the editor
// prompt alone brings iconv-lite and chardet, about 650 KB that every start would parse). Loaded with import().
export {confirm, input, password, select} from '@inquirer/prompts';
