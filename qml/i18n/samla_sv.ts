<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sv_SE">
<context>
    <name>Agreement</name>
    <message>
        <source>Cohen&apos;s kappa (unweighted)</source>
        <translation>Cohens kappa (oviktad)</translation>
    </message>
    <message>
        <source>Cohen&apos;s weighted kappa, linear weights</source>
        <translation>Cohens viktade kappa, linjära vikter</translation>
    </message>
    <message>
        <source>Cohen&apos;s weighted kappa, quadratic weights</source>
        <translation>Cohens viktade kappa, kvadratiska vikter</translation>
    </message>
    <message>
        <source>%1 over %2 time slices of %3 s. Each slice takes the category each observer coded in it; %4 slices where an observer coded more than one category are left out.</source>
        <translation>%1 över %2 tidsintervall om %3 s. Varje intervall får den kategori som varje observatör kodade i det; %4 intervall där en observatör kodade mer än en kategori är uteslutna.</translation>
    </message>
    <message>
        <source>%1 over %2 matched events: each event is paired with the other observer&apos;s nearest event within %3 s; an event with no partner counts as a disagreement with &quot;nothing coded&quot;; %4 pairs left out.</source>
        <translation>%1 över %2 matchade händelser: varje händelse paras med den andra observatörens närmaste händelse inom %3 s; en händelse utan partner räknas som oenighet mot &quot;inget kodat&quot;; %4 par är uteslutna.</translation>
    </message>
    <message>
        <source>one-way random effects</source>
        <translation>envägs slumpeffekter</translation>
    </message>
    <message>
        <source>two-way random effects, absolute agreement</source>
        <translation>tvåvägs slumpeffekter, absolut överensstämmelse</translation>
    </message>
    <message>
        <source>two-way mixed effects, consistency</source>
        <translation>tvåvägs blandade effekter, konsistens</translation>
    </message>
    <message>
        <source>%1 (%2; Shrout &amp; Fleiss 1979) of event counts in %3 time slices of %4 s.</source>
        <translation>%1 (%2; Shrout &amp; Fleiss 1979) av antal händelser i %3 tidsintervall om %4 s.</translation>
    </message>
    <message>
        <source>The same session is chosen twice. Choose the session each observer coded.</source>
        <translation>Samma session är vald två gånger. Välj den session som varje observatör kodade.</translation>
    </message>
    <message>
        <source>Only finalised sessions can be compared: their events can no longer change. Finalise both sessions first.</source>
        <translation>Bara slutförda sessioner kan jämföras: deras händelser kan inte längre ändras. Slutför båda sessionerna först.</translation>
    </message>
    <message>
        <source>The two sessions were coded with different coding schemes (or different versions of one), so their codes cannot be compared.</source>
        <translation>De två sessionerna kodades med olika kodscheman (eller olika versioner av samma), så deras koder kan inte jämföras.</translation>
    </message>
    <message>
        <source>A correction has replaced one of these sessions. Choose the corrected version.</source>
        <translation>En rättelse har ersatt en av sessionerna. Välj den rättade versionen.</translation>
    </message>
    <message>
        <source>The two sessions were not observing at the same time, so there is nothing to compare.</source>
        <translation>De två sessionerna observerade inte samtidigt, så det finns inget att jämföra.</translation>
    </message>
    <message>
        <source>This coding scheme has no point events that observers rate, so there is nothing to compare.</source>
        <translation>Kodschemat har inga punkthändelser som observatörerna bedömer, så det finns inget att jämföra.</translation>
    </message>
    <message>
        <source>The weighted kappas use the %1 units both observers coded a category in, with the categories in the scheme&apos;s order.</source>
        <translation>De viktade kappavärdena bygger på de %1 enheter där båda observatörerna kodade en kategori, med kategorierna i schemats ordning.</translation>
    </message>
</context>
<context>
    <name>AppHeader</name>
    <message>
        <source>‹ Back</source>
        <translation>‹ Tillbaka</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Tillbaka</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Lås</translation>
    </message>
    <message>
        <source>Close your data now. You will need your passphrase to open it again.</source>
        <translation>Stänger dina uppgifter nu. Du behöver din lösenfras för att öppna dem igen.</translation>
    </message>
    <message>
        <source>+ Note</source>
        <translation>+ Anteckning</translation>
    </message>
    <message>
        <source>Quick note</source>
        <translation>Snabbanteckning</translation>
    </message>
    <message>
        <source>Write a note without leaving this screen.</source>
        <translation>Skriv en anteckning utan att lämna den här skärmen.</translation>
    </message>
</context>
<context>
    <name>BehaviourButton</name>
    <message>
        <source>ON</source>
        <translation>PÅ</translation>
    </message>
    <message>
        <source>off</source>
        <translation>av</translation>
    </message>
</context>
<context>
    <name>CameraViewfinder</name>
    <message>
        <source>Capture</source>
        <translation>Ta bilden</translation>
    </message>
    <message>
        <source>Takes the photo and adds it to the note, encrypted.</source>
        <translation>Tar fotot och lägger till det i anteckningen, krypterat.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>ChangePassphraseScreen</name>
    <message>
        <source>Change passphrase</source>
        <translation>Byt lösenfras</translation>
    </message>
    <message>
        <source>Your notes stay as they are; only the passphrase that opens them changes. Your recovery key stays the same.</source>
        <translation>Dina anteckningar påverkas inte, det är bara lösenfrasen som öppnar dem som byts. Din återställningsnyckel är densamma som förut.</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>Nuvarande lösenfras</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Ny lösenfras</translation>
    </message>
    <message>
        <source>Type the new passphrase again</source>
        <translation>Skriv den nya lösenfrasen igen</translation>
    </message>
    <message>
        <source>Changing your passphrase…</source>
        <translation>Byter lösenfras…</translation>
    </message>
</context>
<context>
    <name>Codebook</name>
    <message>
        <source>A code needs a name.</source>
        <translation>En kod behöver ett namn.</translation>
    </message>
    <message>
        <source>There is already a code with this name at this level.</source>
        <translation>Det finns redan en kod med det namnet på den här nivån.</translation>
    </message>
    <message>
        <source>The colour must be written as #rrggbb.</source>
        <translation>Färgen ska skrivas som #rrggbb.</translation>
    </message>
    <message>
        <source>The parent code is not in this project&apos;s codebook.</source>
        <translation>Den överordnade koden finns inte i projektets kodbok.</translation>
    </message>
    <message>
        <source>A code cannot be placed under itself or one of its own sub-codes.</source>
        <translation>En kod kan inte placeras under sig själv eller under någon av sina egna underkoder.</translation>
    </message>
</context>
<context>
    <name>CodingScheme</name>
    <message>
        <source>The file is not a coding scheme: it is not valid JSON (%1).</source>
        <translation>Filen är inget kodschema: den är inte giltig JSON (%1).</translation>
    </message>
    <message>
        <source>The file is not a Samla coding scheme, or it was made by a newer version of Samla (%1).</source>
        <translation>Filen är inget kodschema för Samla, eller så är den gjord av en nyare version av Samla (%1).</translation>
    </message>
    <message>
        <source>The scheme has a field Samla does not know: %1. Check its spelling.</source>
        <translation>Schemat har ett fält som Samla inte känner till: %1. Kontrollera stavningen.</translation>
    </message>
    <message>
        <source>The scheme is missing a required field: %1.</source>
        <translation>Schemat saknar ett obligatoriskt fält: %1.</translation>
    </message>
    <message>
        <source>The field %1 has the wrong kind of value.</source>
        <translation>Fältet %1 har fel sorts värde.</translation>
    </message>
    <message>
        <source>The code at %1 must be 1 to 64 letters, digits, dots, dashes or underscores.</source>
        <translation>Koden vid %1 måste bestå av 1 till 64 bokstäver, siffror, punkter, bindestreck eller understreck.</translation>
    </message>
    <message>
        <source>The code at %1 is used twice. Each code must be unique.</source>
        <translation>Koden vid %1 används två gånger. Varje kod måste vara unik.</translation>
    </message>
    <message>
        <source>The scheme has no behaviours to code (%1).</source>
        <translation>Schemat har inga beteenden att koda (%1).</translation>
    </message>
    <message>
        <source>%1 names a category the scheme does not have.</source>
        <translation>%1 anger en kategori som schemat inte har.</translation>
    </message>
    <message>
        <source>%1 names a modifier the scheme does not have.</source>
        <translation>%1 anger en modifierare som schemat inte har.</translation>
    </message>
    <message>
        <source>The modifier at %1 is incomplete: a choice needs options with unique codes, and a number&apos;s minimum cannot be above its maximum.</source>
        <translation>Modifieraren vid %1 är ofullständig: ett val behöver alternativ med unika koder, och ett tals minimum får inte vara större än dess maximum.</translation>
    </message>
    <message>
        <source>The exclusive group at %1 must name at least two different state behaviours (point events cannot exclude each other).</source>
        <translation>Den ömsesidigt uteslutande gruppen vid %1 måste ange minst två olika tillståndsbeteenden (punkthändelser kan inte utesluta varandra).</translation>
    </message>
    <message>
        <source>%1 names a behaviour the scheme does not have.</source>
        <translation>%1 anger ett beteende som schemat inte har.</translation>
    </message>
    <message>
        <source>The behaviour at %1 needs a subject, but the scheme has no roles and does not allow participants.</source>
        <translation>Beteendet vid %1 behöver ett subjekt, men schemat har inga roller och tillåter inte deltagare.</translation>
    </message>
    <message>
        <source>The prompt interval at %1 must be between 0 (no prompts) and 86400 seconds.</source>
        <translation>Påminnelseintervallet vid %1 måste vara mellan 0 (inga påminnelser) och 86400 sekunder.</translation>
    </message>
    <message>
        <source>The colour at %1 must be written as #rrggbb.</source>
        <translation>Färgen vid %1 ska skrivas som #rrggbb.</translation>
    </message>
    <message>
        <source>The item at %1 needs a label.</source>
        <translation>Posten vid %1 behöver en etikett.</translation>
    </message>
    <message>
        <source>Use 1 to 64 letters, digits, dots, dashes or underscores, without spaces.</source>
        <translation>Använd 1 till 64 bokstäver, siffror, punkter, bindestreck eller understreck, utan mellanslag.</translation>
    </message>
    <message>
        <source>“%1” is used twice here. Each code must be unique.</source>
        <translation>”%1” används två gånger här. Varje kod måste vara unik.</translation>
    </message>
    <message>
        <source>Add at least one behaviour to code.</source>
        <translation>Lägg till minst ett beteende att koda.</translation>
    </message>
    <message>
        <source>The category “%1” is not in the scheme. Choose another.</source>
        <translation>Kategorin ”%1” finns inte i schemat. Välj en annan.</translation>
    </message>
    <message>
        <source>The modifier “%1” is not in the scheme.</source>
        <translation>Modifieraren ”%1” finns inte i schemat.</translation>
    </message>
    <message>
        <source>A choice needs at least one option; only a number has a minimum and maximum, and the minimum cannot be above the maximum.</source>
        <translation>Ett val behöver minst ett alternativ; bara ett tal har lägsta och högsta värde, och det lägsta kan inte vara över det högsta.</translation>
    </message>
    <message>
        <source>Tick at least two different state behaviours. Point events cannot exclude each other.</source>
        <translation>Kryssa för minst två olika tillståndsbeteenden. Punkthändelser kan inte utesluta varandra.</translation>
    </message>
    <message>
        <source>The behaviour “%1” is not in the scheme. Untick it or add it again.</source>
        <translation>Beteendet ”%1” finns inte i schemat. Ta bort krysset eller lägg till beteendet igen.</translation>
    </message>
    <message>
        <source>This behaviour needs a subject: add a role, or allow participants by code.</source>
        <translation>Beteendet behöver ett subjekt: lägg till en roll, eller tillåt deltagare med kod.</translation>
    </message>
    <message>
        <source>Between 0 (no prompts) and 86400 seconds.</source>
        <translation>Mellan 0 (inga påminnelser) och 86400 sekunder.</translation>
    </message>
    <message>
        <source>Write the colour as #rrggbb, for example #2e7d32, or leave it empty.</source>
        <translation>Skriv färgen som #rrggbb, till exempel #2e7d32, eller lämna fältet tomt.</translation>
    </message>
    <message>
        <source>Write a label.</source>
        <translation>Skriv en etikett.</translation>
    </message>
</context>
<context>
    <name>CodingSchemesScreen</name>
    <message>
        <source>Coding schemes</source>
        <translation>Kodscheman</translation>
    </message>
    <message>
        <source>A scheme is what observers code: behaviours, their categories and modifiers, and who they are about. The project&apos;s own schemes are kept with the project and reach its other devices when they sync. Every save is a new version; a session keeps the version it was coded with.</source>
        <translation>Ett kodschema är det observatörer kodar: beteenden, deras kategorier och modifierare, och vem de gäller. Projektets egna scheman sparas i projektet och når dess andra enheter när de synkroniserar. Varje sparning är en ny version; en session behåller den version den kodades med.</translation>
    </message>
    <message>
        <source>Built in, cannot be changed · version %1</source>
        <translation>Inbyggt, kan inte ändras · version %1</translation>
    </message>
    <message>
        <source>This project&apos;s · version %1 · saved %2</source>
        <translation>Projektets eget · version %1 · sparat %2</translation>
    </message>
    <message numerus="yes">
        <source>%n behaviour(s)</source>
        <translation>
            <numerusform>%n beteende</numerusform>
            <numerusform>%n beteenden</numerusform>
        </translation>
    </message>
    <message>
        <source>code %1</source>
        <translation>kod %1</translation>
    </message>
    <message>
        <source>View</source>
        <translation>Visa</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Redigera</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplicera</translation>
    </message>
    <message>
        <source>Duplicate %1</source>
        <translation>Duplicera %1</translation>
    </message>
    <message>
        <source>Export as JSON</source>
        <translation>Exportera som JSON</translation>
    </message>
    <message>
        <source>Export %1 as JSON</source>
        <translation>Exportera %1 som JSON</translation>
    </message>
    <message>
        <source>Build a new scheme</source>
        <translation>Bygg ett nytt schema</translation>
    </message>
    <message>
        <source>Import from a JSON file</source>
        <translation>Importera från en JSON-fil</translation>
    </message>
    <message>
        <source>A Samla coding-scheme file (format &quot;samla-coding-scheme&quot;), for example one exported from another project. A scheme whose code the project already has becomes its next version.</source>
        <translation>En kodschemafil från Samla (formatet &quot;samla-coding-scheme&quot;), till exempel en som exporterats från ett annat projekt. Ett schema vars kod projektet redan har blir dess nästa version.</translation>
    </message>
    <message>
        <source>Path to the .json file</source>
        <translation>Sökväg till .json-filen</translation>
    </message>
    <message>
        <source>Coding scheme file</source>
        <translation>Kodschemafil</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importera</translation>
    </message>
    <message>
        <source>Exports are saved in %1.</source>
        <translation>Exporter sparas i %1.</translation>
    </message>
    <message>
        <source>Archived schemes</source>
        <translation>Arkiverade scheman</translation>
    </message>
    <message>
        <source>Not offered for new sessions. Sessions coded with them keep them, and they can be restored.</source>
        <translation>Erbjuds inte för nya sessioner. Sessioner som kodats med dem behåller dem, och de kan återställas.</translation>
    </message>
    <message>
        <source>Archived · version %1 · saved %2</source>
        <translation>Arkiverat · version %1 · sparat %2</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Återställ</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>Arkivera</translation>
    </message>
    <message>
        <source>Restore %1</source>
        <translation>Återställ %1</translation>
    </message>
    <message>
        <source>Archive %1</source>
        <translation>Arkivera %1</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Ta bort %1</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s) were coded with this scheme, so it can be archived but not removed.</source>
        <translation>
            <numerusform>%n session har kodats med det här schemat, så det kan arkiveras men inte tas bort.</numerusform>
            <numerusform>%n sessioner har kodats med det här schemat, så det kan arkiveras men inte tas bort.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove “%1”? It is gone from this project and, after the next sync, from its other devices. No session was coded with it.</source>
        <translation>Ta bort ”%1”? Det försvinner från projektet och, efter nästa synkronisering, från projektets andra enheter. Ingen session har kodats med det.</translation>
    </message>
    <message>
        <source>Remove the scheme</source>
        <translation>Ta bort schemat</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
</context>
<context>
    <name>ConsentCapture</name>
    <message>
        <source>This person is not enrolled in this project.</source>
        <translation>Personen är inte inskriven i det här projektet.</translation>
    </message>
    <message>
        <source>This consent form belongs to another project.</source>
        <translation>Den här samtyckesblanketten hör till ett annat projekt.</translation>
    </message>
    <message>
        <source>This version of the consent form has been changed since it was published, so it cannot be used. Contact your data manager.</source>
        <translation>Den här versionen av samtyckesblanketten har ändrats efter att den publicerades och kan därför inte användas. Kontakta den som är dataansvarig i ditt projekt.</translation>
    </message>
    <message>
        <source>The consent form has no text in this language.</source>
        <translation>Samtyckesblanketten har ingen text på det här språket.</translation>
    </message>
    <message>
        <source>Answer every question on the consent form.</source>
        <translation>Besvara alla frågor på samtyckesblanketten.</translation>
    </message>
    <message>
        <source>The participant has not signed yet.</source>
        <translation>Deltagaren har inte skrivit under än.</translation>
    </message>
    <message>
        <source>Verbal consent needs the name of a witness.</source>
        <translation>Muntligt samtycke kräver namnet på ett vittne.</translation>
    </message>
    <message>
        <source>Enter who took the consent.</source>
        <translation>Ange vem som inhämtade samtycket.</translation>
    </message>
    <message>
        <source>This participant has withdrawn. To include them again, confirm that they are re-joining the study.</source>
        <translation>Deltagaren har avbrutit sitt deltagande. Bekräfta att deltagaren går med i studien igen för att ta med deltagaren på nytt.</translation>
    </message>
    <message>
        <source>This project keeps data already collected when someone withdraws (its withdrawal policy is stop and retain). Record the withdrawal as &quot;no new data&quot; and tell the participant how their data is kept.</source>
        <translation>I det här projektet behålls redan insamlade uppgifter när någon avbryter sitt deltagande (projektets regel är att avsluta och behålla). Registrera avbrottet som ”inga nya uppgifter” och berätta för deltagaren hur uppgifterna bevaras.</translation>
    </message>
    <message>
        <source>This kind of consent event cannot be recorded here.</source>
        <translation>Den här typen av samtyckeshändelse kan inte registreras här.</translation>
    </message>
    <message>
        <source>The date and time are in the future. Enter when it actually happened.</source>
        <translation>Datum och tid ligger i framtiden. Ange när det faktiskt hände.</translation>
    </message>
</context>
<context>
    <name>ConsentCertificateScreen</name>
    <message>
        <source>Consent recorded</source>
        <translation>Samtycket är registrerat</translation>
    </message>
    <message>
        <source>%1 for %2 is stored.</source>
        <translation>%1 för %2 är sparat.</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Deltagare</translation>
    </message>
    <message>
        <source>Date and time</source>
        <translation>Datum och tid</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Blankett</translation>
    </message>
    <message>
        <source>%1, version %2</source>
        <translation>%1, version %2</translation>
    </message>
    <message>
        <source>Content hash</source>
        <translation>Innehållets hash</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Sätt</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Svar</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <source>Signature as stored</source>
        <translation>Underskriften som den sparades</translation>
    </message>
    <message>
        <source>The child&apos;s assent is recorded as well.</source>
        <translation>Barnets eget medgivande är också registrerat.</translation>
    </message>
    <message>
        <source>A PDF snapshot of this consent (text, answers, signature, version, hash, date and code) is stored encrypted on this device.</source>
        <translation>En PDF-kopia av samtycket (text, svar, underskrift, version, hash, datum och kod) är sparad krypterad på den här enheten.</translation>
    </message>
    <message>
        <source>The PDF snapshot could not be read back. Contact your data manager.</source>
        <translation>PDF-kopian kunde inte läsas tillbaka. Kontakta din dataansvariga.</translation>
    </message>
    <message>
        <source>Show consent timeline</source>
        <translation>Visa samtyckets historik</translation>
    </message>
    <message>
        <source>Back to participants</source>
        <translation>Tillbaka till deltagarna</translation>
    </message>
</context>
<context>
    <name>ConsentFormEditorScreen</name>
    <message>
        <source>New consent form</source>
        <translation>Ny samtyckesblankett</translation>
    </message>
    <message>
        <source>Edit consent form</source>
        <translation>Redigera samtyckesblankett</translation>
    </message>
    <message>
        <source>A new form. Publishing makes its version 1.</source>
        <translation>En ny blankett. När du publicerar blir den version 1.</translation>
    </message>
    <message>
        <source>Starting from version %1. Publishing makes version %2; consents already given keep the version they were given with.</source>
        <translation>Utgår från version %1. När du publicerar skapas version %2; samtycken som redan getts behåller versionen de gavs med.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Rubrik</translation>
    </message>
    <message>
        <source>Information for the participant</source>
        <translation>Information till deltagaren</translation>
    </message>
    <message>
        <source>What the study is, what taking part means, and that it is voluntary. The participant reads all of it before agreeing.</source>
        <translation>Vad studien är, vad deltagandet innebär och att det är frivilligt. Deltagaren läser allt innan hen samtycker.</translation>
    </message>
    <message>
        <source>Consent items</source>
        <translation>Samtyckespunkter</translation>
    </message>
    <message>
        <source>Each item is a sentence the participant answers yes or no to. A required item must be agreed to take part; the activity is what a yes allows.</source>
        <translation>Varje punkt är en mening som deltagaren svarar ja eller nej på. En obligatorisk punkt måste godkännas för att få delta; aktiviteten är det som ett ja tillåter.</translation>
    </message>
    <message>
        <source>Item %1</source>
        <translation>Punkt %1</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Flytta upp</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Flytta ned</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <source>Remove item %1</source>
        <translation>Ta bort punkt %1</translation>
    </message>
    <message>
        <source>What a yes allows</source>
        <translation>Vad ett ja tillåter</translation>
    </message>
    <message>
        <source>Id (a–z, 0–9, _), kept in the data</source>
        <translation>Id (a–z, 0–9, _), sparas i data</translation>
    </message>
    <message>
        <source>Id of item %1</source>
        <translation>Id för punkt %1</translation>
    </message>
    <message>
        <source>Required to take part</source>
        <translation>Krävs för att delta</translation>
    </message>
    <message>
        <source>Add item</source>
        <translation>Lägg till punkt</translation>
    </message>
    <message>
        <source>Changes not yet published</source>
        <translation>Ändringar som inte publicerats än</translation>
    </message>
    <message>
        <source>No changes since the last version</source>
        <translation>Inga ändringar sedan senaste versionen</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Släng ändringarna</translation>
    </message>
    <message>
        <source>Publish version 1</source>
        <translation>Publicera version 1</translation>
    </message>
    <message>
        <source>Publish version %1</source>
        <translation>Publicera version %1</translation>
    </message>
</context>
<context>
    <name>ConsentFormVersionScreen</name>
    <message>
        <source>Consent form, version %1</source>
        <translation>Samtyckesblankett, version %1</translation>
    </message>
    <message>
        <source>Consent form</source>
        <translation>Samtyckesblankett</translation>
    </message>
    <message>
        <source>Version %1, published %2.</source>
        <translation>Version %1, publicerad %2.</translation>
    </message>
    <message>
        <source>This is the latest version.</source>
        <translation>Det här är den senaste versionen.</translation>
    </message>
    <message>
        <source>Version %1 has been published since; this text stays exactly as it was.</source>
        <translation>Version %1 har publicerats sedan dess; den här texten förblir exakt som den var.</translation>
    </message>
    <message>
        <source>Content hash: %1</source>
        <translation>Innehållshash: %1</translation>
    </message>
    <message numerus="yes">
        <source>Given with %n consent(s): %1</source>
        <translation>
            <numerusform>Använd för %n samtycke: %1</numerusform>
            <numerusform>Använd för %n samtycken: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>No consent has been given with this version yet.</source>
        <translation>Inget samtycke har getts med den här versionen ännu.</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Information</translation>
    </message>
    <message>
        <source>Consent items</source>
        <translation>Samtyckespunkter</translation>
    </message>
    <message>
        <source>Required to take part</source>
        <translation>Krävs för att delta</translation>
    </message>
    <message>
        <source>Optional</source>
        <translation>Valfri</translation>
    </message>
    <message>
        <source>allows: %1</source>
        <translation>tillåter: %1</translation>
    </message>
    <message>
        <source>id %1</source>
        <translation>id %1</translation>
    </message>
    <message>
        <source>Export this version as JSON</source>
        <translation>Exportera den här versionen som JSON</translation>
    </message>
</context>
<context>
    <name>ConsentFormsScreen</name>
    <message>
        <source>Consent forms</source>
        <translation>Samtyckesblanketter</translation>
    </message>
    <message>
        <source>Every change to a form is published as a new version with a content hash. A consent always keeps the exact version it was given with.</source>
        <translation>Varje ändring i en blankett publiceras som en ny version med en innehållshash. Ett samtycke behåller alltid exakt den version det gavs med.</translation>
    </message>
    <message>
        <source>No consent forms yet. Write a new one, or import one from a JSON file below.</source>
        <translation>Inga samtyckesblanketter ännu. Skriv en ny eller importera en från en JSON-fil nedan.</translation>
    </message>
    <message>
        <source>Version %1 · published %2 · hash %3 · %4</source>
        <translation>Version %1 · publicerad %2 · hash %3 · %4</translation>
    </message>
    <message>
        <source>Edit and publish a new version</source>
        <translation>Redigera och publicera en ny version</translation>
    </message>
    <message>
        <source>Export version %1 as JSON</source>
        <translation>Exportera version %1 som JSON</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versioner</translation>
    </message>
    <message>
        <source>Version %1 · %2 · hash %3</source>
        <translation>Version %1 · %2 · hash %3</translation>
    </message>
    <message>
        <source>No consent given with it yet</source>
        <translation>Inget samtycke har getts med den ännu</translation>
    </message>
    <message numerus="yes">
        <source>Given with %n consent(s)</source>
        <translation>
            <numerusform>Använd för %n samtycke</numerusform>
            <numerusform>Använd för %n samtycken</numerusform>
        </translation>
    </message>
    <message>
        <source>View</source>
        <translation>Visa</translation>
    </message>
    <message>
        <source>View version %1</source>
        <translation>Visa version %1</translation>
    </message>
    <message>
        <source>Write a new consent form</source>
        <translation>Skriv en ny samtyckesblankett</translation>
    </message>
    <message>
        <source>Import from a JSON file</source>
        <translation>Importera från en JSON-fil</translation>
    </message>
    <message>
        <source>A form exported from Samla, or written by hand: {&quot;title&quot;: {&quot;sv&quot;: …, &quot;en&quot;: …}, &quot;information&quot;: {…}, &quot;items&quot;: [{&quot;id&quot;, &quot;activity&quot;, &quot;required&quot;, &quot;text&quot;}]}. It becomes a new form&apos;s version 1.</source>
        <translation>En blankett som exporterats från Samla eller skrivits för hand: {&quot;title&quot;: {&quot;sv&quot;: …, &quot;en&quot;: …}, &quot;information&quot;: {…}, &quot;items&quot;: [{&quot;id&quot;, &quot;activity&quot;, &quot;required&quot;, &quot;text&quot;}]}. Den blir version 1 av en ny blankett.</translation>
    </message>
    <message>
        <source>Path to the .json file</source>
        <translation>Sökväg till .json-filen</translation>
    </message>
    <message>
        <source>Consent form file</source>
        <translation>Fil med samtyckesblankett</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importera</translation>
    </message>
    <message>
        <source>Exports are saved in %1.</source>
        <translation>Exporter sparas i %1.</translation>
    </message>
</context>
<context>
    <name>ConsentItemsScreen</name>
    <message>
        <source>Consent questions: %1</source>
        <translation>Samtyckesfrågor: %1</translation>
    </message>
    <message>
        <source>Answer each question with the participant. Questions marked as required must be answered yes to take part.</source>
        <translation>Besvara varje fråga tillsammans med deltagaren. Frågor som krävs måste besvaras med ja för att deltagaren ska kunna delta.</translation>
    </message>
    <message>
        <source>Continue to signature</source>
        <translation>Fortsätt till underskrift</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Fortsätt</translation>
    </message>
</context>
<context>
    <name>ConsentReadScreen</name>
    <message>
        <source>Information: %1</source>
        <translation>Information: %1</translation>
    </message>
    <message>
        <source>Version %1 · %2</source>
        <translation>Version %1 · %2</translation>
    </message>
</context>
<context>
    <name>ConsentReader</name>
    <message>
        <source>I agree</source>
        <translation>Jag samtycker</translation>
    </message>
    <message>
        <source>You will be asked about</source>
        <translation>Du kommer att tillfrågas om</translation>
    </message>
    <message>
        <source>%1 (required to take part)</source>
        <translation>%1 (krävs för att delta)</translation>
    </message>
    <message>
        <source>End of the information.</source>
        <translation>Slut på informationen.</translation>
    </message>
    <message>
        <source>Read the whole text first: &quot;I agree&quot; can be tapped once you reach the end.</source>
        <translation>Läs hela texten först: ”Jag samtycker” går att trycka på när du har kommit till slutet.</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <source>Required to take part</source>
        <translation>Krävs för att delta</translation>
    </message>
</context>
<context>
    <name>ConsentReason</name>
    <message>
        <source>This person is not enrolled in this project.</source>
        <translation>Personen är inte inskriven i det här projektet.</translation>
    </message>
    <message>
        <source>The participant has not given consent for this yet. Take consent first.</source>
        <translation>Deltagaren har inte gett sitt samtycke till detta än. Inhämta samtycke först.</translation>
    </message>
    <message>
        <source>The participant declined a part of the consent that taking part requires, so no data can be collected.</source>
        <translation>Deltagaren har tackat nej till en del av samtycket som krävs för att delta, så inga uppgifter kan samlas in.</translation>
    </message>
    <message>
        <source>The participant said no to this part of the study.</source>
        <translation>Deltagaren har sagt nej till den här delen av studien.</translation>
    </message>
    <message>
        <source>The consent form the participant signed does not cover this activity.</source>
        <translation>Samtyckesblanketten som deltagaren skrev under omfattar inte den här aktiviteten.</translation>
    </message>
    <message>
        <source>The participant has withdrawn. Do not collect anything new from them.</source>
        <translation>Deltagaren har avbrutit sitt deltagande. Samla inte in något nytt om deltagaren.</translation>
    </message>
    <message>
        <source>The participant has objected. Stop, and collect nothing until their consent has been checked again.</source>
        <translation>Deltagaren har invänt. Avbryt och samla inte in något förrän samtycket har stämts av på nytt.</translation>
    </message>
    <message>
        <source>The participant&apos;s participation is paused. Resume it before collecting data.</source>
        <translation>Deltagarens deltagande är pausat. Återuppta det innan du samlar in uppgifter.</translation>
    </message>
    <message>
        <source>The participant&apos;s consent is due to be confirmed again. Check consent with them before collecting data.</source>
        <translation>Deltagarens samtycke behöver bekräftas igen. Stäm av samtycket med deltagaren innan du samlar in uppgifter.</translation>
    </message>
    <message>
        <source>This participant cannot consent for themselves and no consultee advice has been recorded.</source>
        <translation>Deltagaren kan inte själv ge sitt samtycke och inget råd från en företrädare har registrerats.</translation>
    </message>
    <message>
        <source>The consultee advised that this person would not want to take part. Do not include them.</source>
        <translation>Företrädaren har meddelat att personen inte skulle vilja delta. Ta inte med personen.</translation>
    </message>
    <message>
        <source>A parent or guardian has not given consent for this participant.</source>
        <translation>Ingen förälder eller vårdnadshavare har gett sitt samtycke för den här deltagaren.</translation>
    </message>
    <message>
        <source>The child has not agreed themselves yet. Ask for their assent first.</source>
        <translation>Barnet har inte själv sagt ja än. Fråga barnet först.</translation>
    </message>
    <message>
        <source>Consent could not be checked, so nothing can be collected now. Try again; if it keeps happening, contact your data manager.</source>
        <translation>Samtycket kunde inte kontrolleras, så inget kan samlas in just nu. Försök igen. Om det fortsätter att hända, kontakta den som är dataansvarig i ditt projekt.</translation>
    </message>
</context>
<context>
    <name>ConsentRecheck</name>
    <message>
        <source>This project checks consent at the start of every session. Ask the participant whether they are still happy to take part.</source>
        <translation>I det här projektet stäms samtycket av i början av varje tillfälle. Fråga deltagaren om hen fortfarande vill vara med.</translation>
    </message>
    <message>
        <source>The participant&apos;s consent is due to be confirmed again. Check consent before you start.</source>
        <translation>Deltagarens samtycke behöver bekräftas igen. Stäm av samtycket innan du börjar.</translation>
    </message>
    <message>
        <source>The participant&apos;s consent is due to be confirmed again soon. You could check it in this session.</source>
        <translation>Deltagarens samtycke behöver snart bekräftas igen. Du kan gärna stämma av det vid det här tillfället.</translation>
    </message>
    <message>
        <source>At the last check the participant seemed hesitant. Check consent again before you start.</source>
        <translation>Vid den senaste avstämningen verkade deltagaren tveksam. Stäm av samtycket igen innan du börjar.</translation>
    </message>
</context>
<context>
    <name>ConsentSetupScreen</name>
    <message>
        <source>Take consent: %1</source>
        <translation>Ta samtycke: %1</translation>
    </message>
    <message>
        <source>Consent form</source>
        <translation>Samtyckesblankett</translation>
    </message>
    <message>
        <source>Language of the form</source>
        <translation>Blankettens språk</translation>
    </message>
    <message>
        <source>Who gives consent</source>
        <translation>Vem ger samtycke</translation>
    </message>
    <message>
        <source>The participant, signing</source>
        <translation>Deltagaren, med underskrift</translation>
    </message>
    <message>
        <source> (suggested)</source>
        <translation> (föreslås)</translation>
    </message>
    <message>
        <source>A parent or guardian, with the child&apos;s assent</source>
        <translation>En förälder eller vårdnadshavare, med barnets medgivande</translation>
    </message>
    <message>
        <source>A consultee, for an adult who cannot consent</source>
        <translation>En företrädare, för en vuxen som inte kan samtycka</translation>
    </message>
    <message>
        <source>The participant, verbally with a witness</source>
        <translation>Deltagaren, muntligt med ett vittne</translation>
    </message>
    <message>
        <source>Parent</source>
        <translation>Förälder</translation>
    </message>
    <message>
        <source>Legal guardian</source>
        <translation>Vårdnadshavare</translation>
    </message>
    <message>
        <source>Personal consultee</source>
        <translation>Personlig företrädare (personal consultee)</translation>
    </message>
    <message>
        <source>Nominated consultee</source>
        <translation>Utsedd företrädare (nominated consultee)</translation>
    </message>
    <message>
        <source>Witness (name or staff id)</source>
        <translation>Vittne (namn eller personal-id)</translation>
    </message>
    <message>
        <source>Consent taken by (your initials or staff id)</source>
        <translation>Samtycket tas av (dina initialer eller ditt personal-id)</translation>
    </message>
    <message>
        <source>The participant withdrew earlier and is re-joining the study</source>
        <translation>Deltagaren har tidigare avbrutit sitt deltagande och går nu med i studien igen</translation>
    </message>
    <message>
        <source>Show the information to the participant</source>
        <translation>Visa informationen för deltagaren</translation>
    </message>
    <message>
        <source>Yes, Gillick competent</source>
        <translation>Ja, Gillick-kompetent</translation>
    </message>
    <message>
        <source>No, not competent</source>
        <translation>Nej, inte kompetent</translation>
    </message>
    <message>
        <source>Yes, understands</source>
        <translation>Ja, förstår</translation>
    </message>
    <message>
        <source>No, does not understand</source>
        <translation>Nej, förstår inte</translation>
    </message>
    <message>
        <source>What your assessment rests on (no names)</source>
        <translation>Vad din bedömning bygger på (inga namn)</translation>
    </message>
    <message>
        <source>For example: explained the study back in own words</source>
        <translation>Till exempel: berättade om studien med egna ord</translation>
    </message>
</context>
<context>
    <name>ConsentSignScreen</name>
    <message>
        <source>Signature: %1</source>
        <translation>Underskrift: %1</translation>
    </message>
    <message>
        <source>The parent or guardian signs below with a finger, a pen or the mouse.</source>
        <translation>Föräldern eller vårdnadshavaren skriver under nedan med fingret, en penna eller musen.</translation>
    </message>
    <message>
        <source>The consultee signs below with a finger, a pen or the mouse.</source>
        <translation>Företrädaren skriver under nedan med fingret, en penna eller musen.</translation>
    </message>
    <message>
        <source>The participant gave consent verbally. %1 witnessed it.</source>
        <translation>Deltagaren gav sitt samtycke muntligt. %1 var vittne.</translation>
    </message>
    <message>
        <source>Sign below with your finger, a pen or the mouse.</source>
        <translation>Skriv under nedan med fingret, en penna eller musen.</translation>
    </message>
    <message>
        <source>Signature area</source>
        <translation>Yta för underskrift</translation>
    </message>
    <message>
        <source>Sign here</source>
        <translation>Skriv under här</translation>
    </message>
    <message>
        <source>The child has been asked in a way they understand and agrees (assent)</source>
        <translation>Barnet har tillfrågats på ett sätt som barnet förstår och går med på att delta (medgivande)</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Rensa</translation>
    </message>
    <message>
        <source>Save consent</source>
        <translation>Spara samtycket</translation>
    </message>
    <message>
        <source>This consent is stored. To take another, start again from the participant.</source>
        <translation>Samtycket är sparat. Börja om från deltagaren för att ta ett nytt.</translation>
    </message>
</context>
<context>
    <name>ConsentText</name>
    <message>
        <source>Patient</source>
        <translation>Patient</translation>
    </message>
    <message>
        <source>Family member</source>
        <translation>Närstående</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Personal</translation>
    </message>
    <message>
        <source>Citizen</source>
        <translation>Medborgare</translation>
    </message>
    <message>
        <source>Child or adolescent</source>
        <translation>Barn eller ungdom</translation>
    </message>
    <message>
        <source>Age not known</source>
        <translation>Ålder okänd</translation>
    </message>
    <message>
        <source>Under 15</source>
        <translation>Under 15 år</translation>
    </message>
    <message>
        <source>15 years</source>
        <translation>15 år</translation>
    </message>
    <message>
        <source>16–17 years</source>
        <translation>16–17 år</translation>
    </message>
    <message>
        <source>18–64 years</source>
        <translation>18–64 år</translation>
    </message>
    <message>
        <source>65 or older</source>
        <translation>65 år eller äldre</translation>
    </message>
    <message>
        <source>Observation</source>
        <translation>Observation</translation>
    </message>
    <message>
        <source>Interview</source>
        <translation>Intervju</translation>
    </message>
    <message>
        <source>Audio recording</source>
        <translation>Ljudinspelning</translation>
    </message>
    <message>
        <source>Diary</source>
        <translation>Dagbok</translation>
    </message>
    <message>
        <source>Questionnaires</source>
        <translation>Enkäter</translation>
    </message>
    <message>
        <source>Use of quotes</source>
        <translation>Användning av citat</translation>
    </message>
    <message>
        <source>Future contact</source>
        <translation>Framtida kontakt</translation>
    </message>
    <message>
        <source>Data sharing</source>
        <translation>Delning av data</translation>
    </message>
    <message>
        <source>Consent given</source>
        <translation>Samtycke givet</translation>
    </message>
    <message>
        <source>Child&apos;s assent</source>
        <translation>Barnets medgivande</translation>
    </message>
    <message>
        <source>Guardian&apos;s consent</source>
        <translation>Vårdnadshavarens samtycke</translation>
    </message>
    <message>
        <source>Consultee&apos;s advice</source>
        <translation>Företrädarens råd</translation>
    </message>
    <message>
        <source>Consent re-checked</source>
        <translation>Samtycket har stämts av igen</translation>
    </message>
    <message>
        <source>Dissent</source>
        <translation>Invändning</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausat</translation>
    </message>
    <message>
        <source>Resumed</source>
        <translation>Återupptaget</translation>
    </message>
    <message>
        <source>Withdrawal</source>
        <translation>Avbrutet deltagande</translation>
    </message>
    <message>
        <source>Signed on screen</source>
        <translation>Underskrivet på skärmen</translation>
    </message>
    <message>
        <source>Signed on paper</source>
        <translation>Underskrivet på papper</translation>
    </message>
    <message>
        <source>Verbal, with a witness</source>
        <translation>Muntligt, med vittne</translation>
    </message>
    <message>
        <source>The participant consents for themselves.</source>
        <translation>Deltagaren samtycker själv.</translation>
    </message>
    <message>
        <source>The participant cannot consent for themselves: a consultee&apos;s advice is needed.</source>
        <translation>Deltagaren kan inte själv samtycka: ett råd från en företrädare behövs.</translation>
    </message>
    <message>
        <source>A parent or guardian consents; the child&apos;s own assent is asked for and a no is respected.</source>
        <translation>En förälder eller vårdnadshavare samtycker; barnet tillfrågas själv och ett nej respekteras.</translation>
    </message>
    <message>
        <source>Both a parent or guardian and the child consent.</source>
        <translation>Både en förälder eller vårdnadshavare och barnet samtycker.</translation>
    </message>
    <message>
        <source>confirmed</source>
        <translation>bekräftat</translation>
    </message>
    <message>
        <source>hesitant</source>
        <translation>tveksam</translation>
    </message>
    <message>
        <source>dissent observed</source>
        <translation>invändning observerad</translation>
    </message>
    <message>
        <source>No more contact</source>
        <translation>Ingen mer kontakt</translation>
    </message>
    <message>
        <source>No new data</source>
        <translation>Inga nya uppgifter</translation>
    </message>
    <message>
        <source>Also remove existing data</source>
        <translation>Ta även bort befintliga uppgifter</translation>
    </message>
    <message>
        <source>Not counted: the participant had withdrawn and this did not re-join them.</source>
        <translation>Räknas inte: deltagaren hade avbrutit sitt deltagande och detta tog inte med deltagaren igen.</translation>
    </message>
    <message>
        <source>Not needed for this participant&apos;s consent route.</source>
        <translation>Behövs inte för den här deltagarens väg till samtycke.</translation>
    </message>
    <message>
        <source>Changed nothing.</source>
        <translation>Ändrade ingenting.</translation>
    </message>
    <message>
        <source>Counts from its date, which is still ahead.</source>
        <translation>Gäller från sitt datum, som inte har kommit än.</translation>
    </message>
    <message>
        <source>Withdrawn: %1</source>
        <translation>Avbrutit: %1</translation>
    </message>
    <message>
        <source>Consultee advised against taking part</source>
        <translation>Företrädaren avrådde från deltagande</translation>
    </message>
    <message>
        <source>Objected: check consent again</source>
        <translation>Har invänt: stäm av samtycket igen</translation>
    </message>
    <message>
        <source>Re-consent due</source>
        <translation>Dags att förnya samtycket</translation>
    </message>
    <message>
        <source>Consent in place: %1 of %2 activities</source>
        <translation>Samtycke finns: %1 av %2 aktiviteter</translation>
    </message>
    <message>
        <source>No consent yet</source>
        <translation>Inget samtycke än</translation>
    </message>
    <message>
        <source>Waiting for a guardian&apos;s consent</source>
        <translation>Väntar på vårdnadshavarens samtycke</translation>
    </message>
    <message>
        <source>Waiting for the child&apos;s assent</source>
        <translation>Väntar på barnets medgivande</translation>
    </message>
    <message>
        <source>Waiting for a consultee&apos;s advice</source>
        <translation>Väntar på en företrädares råd</translation>
    </message>
    <message>
        <source>Declined a required part: not taking part</source>
        <translation>Sa nej till en del som krävs: deltar inte</translation>
    </message>
    <message>
        <source>No data may be collected</source>
        <translation>Inga uppgifter får samlas in</translation>
    </message>
</context>
<context>
    <name>ConsentTimelineScreen</name>
    <message>
        <source>Participant %1</source>
        <translation>Deltagare %1</translation>
    </message>
    <message>
        <source>Dissent: stop now</source>
        <translation>Invändning: avbryt nu</translation>
    </message>
    <message>
        <source>One tap when the participant objects or seems distressed</source>
        <translation>Ett tryck när deltagaren invänder eller verkar må dåligt</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Återuppta</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <source>The participant is happy to go on</source>
        <translation>Deltagaren vill gärna fortsätta</translation>
    </message>
    <message>
        <source>Stop for now, without withdrawing</source>
        <translation>Stoppa tills vidare, utan att avbryta deltagandet</translation>
    </message>
    <message>
        <source>Take consent</source>
        <translation>Ta samtycke</translation>
    </message>
    <message>
        <source>Read the form with the participant, answer, sign</source>
        <translation>Läs blanketten med deltagaren, svara, skriv under</translation>
    </message>
    <message>
        <source>What may be collected now</source>
        <translation>Vad som får samlas in nu</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>Tillåtet</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>Inte tillåtet</translation>
    </message>
    <message>
        <source>Re-check consent</source>
        <translation>Stäm av samtycket igen</translation>
    </message>
    <message>
        <source>Recorded by (your initials or staff id)</source>
        <translation>Registrerat av (dina initialer eller ditt personal-id)</translation>
    </message>
    <message>
        <source>Confirmed</source>
        <translation>Bekräftat</translation>
    </message>
    <message>
        <source>Hesitant</source>
        <translation>Tveksam</translation>
    </message>
    <message>
        <source>Dissent observed</source>
        <translation>Invändning observerad</translation>
    </message>
    <message>
        <source>Withdrawal</source>
        <translation>Avbrutet deltagande</translation>
    </message>
    <message>
        <source>No more contact</source>
        <translation>Ingen mer kontakt</translation>
    </message>
    <message>
        <source>No new data</source>
        <translation>Inga nya uppgifter</translation>
    </message>
    <message>
        <source>Also remove existing data</source>
        <translation>Ta även bort befintliga uppgifter</translation>
    </message>
    <message>
        <source>Record withdrawal</source>
        <translation>Registrera avbrutet deltagande</translation>
    </message>
    <message>
        <source>Consent timeline</source>
        <translation>Samtyckets historik</translation>
    </message>
    <message>
        <source>Nothing recorded yet.</source>
        <translation>Inget registrerat än.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Export</translation>
    </message>
    <message>
        <source>Save this participant&apos;s consent history as FHIR R4 Consent resources (JSON) in %1.</source>
        <translation>Spara deltagarens samtyckeshistorik som FHIR R4 Consent-resurser (JSON) i %1.</translation>
    </message>
    <message>
        <source>Export consent history (FHIR R4)</source>
        <translation>Exportera samtyckeshistoriken (FHIR R4)</translation>
    </message>
    <message>
        <source>Show identity</source>
        <translation>Visa identitet</translation>
    </message>
    <message>
        <source>Give this participant a new code</source>
        <translation>Ge deltagaren en ny kod</translation>
    </message>
</context>
<context>
    <name>CreatingScreen</name>
    <message>
        <source>Setting up encryption</source>
        <translation>Krypteringen ställs in</translation>
    </message>
    <message>
        <source>This takes a few seconds. Samla is measuring this device so that your passphrase is as hard to crack as it can be here.</source>
        <translation>Det tar några sekunder. Samla mäter hur snabb enheten är, så att din lösenfras blir så svår att knäcka som möjligt här.</translation>
    </message>
</context>
<context>
    <name>EnrolScreen</name>
    <message>
        <source>Enrol participant</source>
        <translation>Skriv in deltagare</translation>
    </message>
    <message>
        <source>Enrolled. The participant&apos;s code is %1.</source>
        <translation>Inskriven. Deltagarens kod är %1.</translation>
    </message>
    <message>
        <source>Write the code wherever you would otherwise write the name. Next, take consent before collecting anything.</source>
        <translation>Skriv koden överallt där du annars skulle skriva namnet. Ta sedan samtycke innan du samlar in något.</translation>
    </message>
    <message>
        <source>Take consent now</source>
        <translation>Ta samtycke nu</translation>
    </message>
    <message>
        <source>Enrol another participant</source>
        <translation>Skriv in en deltagare till</translation>
    </message>
    <message>
        <source>Samla gives the participant a code made of the project&apos;s prefix and a number. Nothing personal is in it.</source>
        <translation>Samla ger deltagaren en kod av projektets prefix och ett nummer. Inget personligt ingår i den.</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Age band</source>
        <translation>Åldersgrupp</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Plats</translation>
    </message>
    <message>
        <source>Capacity to consent</source>
        <translation>Förmåga att samtycka</translation>
    </message>
    <message>
        <source>Understands what taking part means and can decide for themselves</source>
        <translation>Förstår vad deltagandet innebär och kan bestämma själv</translation>
    </message>
    <message>
        <source>Capacity notes (no names)</source>
        <translation>Anteckningar om samtyckesförmåga (inga namn)</translation>
    </message>
    <message>
        <source>For example: needs information read aloud</source>
        <translation>Till exempel: behöver få informationen uppläst</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identitet</translation>
    </message>
    <message>
        <source>You can still enrol with the code only. Keep names on the paper key list your project uses.</source>
        <translation>Du kan ändå skriva in deltagaren med enbart koden. Förvara namnen på den kodnyckel på papper som projektet använder.</translation>
    </message>
    <message>
        <source>Create identity register on this device (data manager)</source>
        <translation>Skapa identitetsregister på den här enheten (dataansvarig)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Contact details (phone, e-mail or address)</source>
        <translation>Kontaktuppgifter (telefon, e-post eller adress)</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Födelsedatum</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>ÅÅÅÅ-MM-DD</translation>
    </message>
    <message>
        <source>Guardian or consultee: name and contact</source>
        <translation>Vårdnadshavare eller företrädare: namn och kontaktuppgifter</translation>
    </message>
    <message>
        <source>Enrol and create code</source>
        <translation>Skriv in och skapa kod</translation>
    </message>
</context>
<context>
    <name>ErrorText</name>
    <message>
        <source>That passphrase is not right. Nothing has been changed. Try again, or use your recovery key.</source>
        <translation>Lösenfrasen stämmer inte. Ingenting har ändrats. Försök igen, eller använd din återställningsnyckel.</translation>
    </message>
    <message>
        <source>That recovery key is not right. Nothing has been changed. Check each group of characters and try again.</source>
        <translation>Återställningsnyckeln stämmer inte. Ingenting har ändrats. Kontrollera varje teckengrupp och försök igen.</translation>
    </message>
    <message>
        <source>The data file is damaged or was changed outside Samla. Nothing was overwritten. Contact your data manager.</source>
        <translation>Datafilen är skadad eller har ändrats utanför Samla. Ingenting har skrivits över. Kontakta den som är dataansvarig i ditt projekt.</translation>
    </message>
    <message>
        <source>This data is an older copy than the one last used on this device. Samla has not opened it, so nothing newer is lost. Contact your data manager.</source>
        <translation>Det här är en äldre kopia av uppgifterna än den som senast användes på den här enheten. Samla har inte öppnat den, så inget nyare har gått förlorat. Kontakta den som är dataansvarig i ditt projekt.</translation>
    </message>
    <message>
        <source>The device is full. Your last change was not saved; free some space and try again. Everything saved earlier is safe.</source>
        <translation>Enheten är full. Din senaste ändring sparades inte. Frigör lite utrymme och försök igen. Allt du har sparat tidigare finns kvar.</translation>
    </message>
    <message>
        <source>Samla cannot write to its data folder. Your last change was not saved. Check that the device is not write-protected, or contact your IT support.</source>
        <translation>Samla kan inte skriva i sin datamapp. Din senaste ändring sparades inte. Kontrollera att enheten inte är skrivskyddad, eller kontakta IT-supporten.</translation>
    </message>
    <message>
        <source>The device could not read or write Samla&apos;s data. Your last change may not have been saved. Try again; if it keeps happening, contact your IT support.</source>
        <translation>Enheten kunde inte läsa eller skriva Samlas data. Din senaste ändring kanske inte sparades. Försök igen. Om det fortsätter att hända, kontakta IT-supporten.</translation>
    </message>
    <message>
        <source>That item could not be found. It may have been removed.</source>
        <translation>Det gick inte att hitta. Det kan ha tagits bort.</translation>
    </message>
    <message>
        <source>There is already Samla data in this folder. Nothing was overwritten.</source>
        <translation>Det finns redan data från Samla i den här mappen. Ingenting har skrivits över.</translation>
    </message>
    <message>
        <source>This data was made by a newer version of Samla. Update Samla to open it.</source>
        <translation>Uppgifterna har skapats med en nyare version av Samla. Uppdatera Samla för att öppna dem.</translation>
    </message>
    <message>
        <source>Samla&apos;s encryption check failed on this device, so Samla will not start. Your data has not been touched. Contact your IT support.</source>
        <translation>Samlas kontroll av krypteringen misslyckades på den här enheten, så Samla startar inte. Dina uppgifter har inte rörts. Kontakta IT-supporten.</translation>
    </message>
    <message>
        <source>Something went wrong inside Samla. Nothing was overwritten. Try again; if it keeps happening, contact your data manager.</source>
        <translation>Något gick fel i Samla. Ingenting har skrivits över. Försök igen. Om det fortsätter att hända, kontakta den som är dataansvarig i ditt projekt.</translation>
    </message>
    <message>
        <source>The two passphrases are not the same. Type the same passphrase in both fields.</source>
        <translation>De två lösenfraserna är inte likadana. Skriv samma lösenfras i båda fälten.</translation>
    </message>
    <message>
        <source>Use at least 10 characters. A longer passphrase is much harder to guess.</source>
        <translation>Använd minst 10 tecken. En längre lösenfras är mycket svårare att gissa.</translation>
    </message>
    <message>
        <source>This passphrase is too easy to guess. It protects participants&apos; data, so it must be at least &quot;Fair&quot;. Try a few unrelated words.</source>
        <translation>Lösenfrasen är för lätt att gissa. Den skyddar deltagarnas uppgifter och måste därför vara minst ”Medelstark”. Prova några ord som inte hör ihop.</translation>
    </message>
    <message>
        <source>Type your passphrase.</source>
        <translation>Skriv din lösenfras.</translation>
    </message>
    <message>
        <source>Type your recovery key.</source>
        <translation>Skriv din återställningsnyckel.</translation>
    </message>
    <message>
        <source>Tick the box to confirm that you have written down or stored the recovery key.</source>
        <translation>Kryssa i rutan för att bekräfta att du har skrivit ner eller sparat återställningsnyckeln.</translation>
    </message>
    <message>
        <source>The last group does not match the recovery key shown. Check it and type it again.</source>
        <translation>Den sista gruppen stämmer inte med återställningsnyckeln som visas. Kontrollera den och skriv den igen.</translation>
    </message>
    <message>
        <source>The new passphrase is the same as the current one. Choose a different one.</source>
        <translation>Den nya lösenfrasen är samma som den nuvarande. Välj en annan.</translation>
    </message>
    <message>
        <source>There is nothing to save yet. Write a title or some text first.</source>
        <translation>Det finns inget att spara än. Skriv en rubrik eller lite text först.</translation>
    </message>
    <message>
        <source>The note is empty. Type what you want to keep first.</source>
        <translation>Anteckningen är tom. Skriv först det du vill spara.</translation>
    </message>
</context>
<context>
    <name>FirstRunScreen</name>
    <message>
        <source>Welcome to Samla</source>
        <translation>Välkommen till Samla</translation>
    </message>
    <message>
        <source>Samla keeps your field notes encrypted on this device. Choose a passphrase to protect them. You will type it each time you open Samla.</source>
        <translation>Samla förvarar dina fältanteckningar krypterade på den här enheten. Välj en lösenfras som skyddar dem. Du skriver den varje gång du öppnar Samla.</translation>
    </message>
    <message>
        <source>A passphrase is like a password, only longer. A few unrelated words, such as &quot;tulip kettle harbour&quot;, are easy to remember and hard to guess.</source>
        <translation>En lösenfras är som ett lösenord, fast längre. Några ord som inte hör ihop, till exempel ”tulpan vattenkokare hamn”, är lätta att komma ihåg och svåra att gissa.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Lösenfras</translation>
    </message>
    <message>
        <source>Type the passphrase again</source>
        <translation>Skriv lösenfrasen igen</translation>
    </message>
    <message>
        <source>It needs at least 10 characters and at least &quot;Fair&quot; strength, because it protects the data of the people in your study.</source>
        <translation>Den måste ha minst 10 tecken och vara minst ”Medelstark”, eftersom den skyddar uppgifterna om deltagarna i din studie.</translation>
    </message>
    <message>
        <source>Create passphrase and continue</source>
        <translation>Skapa lösenfras och fortsätt</translation>
    </message>
</context>
<context>
    <name>HomeScreen</name>
    <message>
        <source>Home</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Demo project: example notes to try Samla with. Nothing here is real data.</source>
        <translation>Demoprojekt: exempelanteckningar att prova Samla med. Inget här är riktiga uppgifter.</translation>
    </message>
    <message numerus="yes">
        <source>%n field note(s)</source>
        <translation>
            <numerusform>%n fältanteckning</numerusform>
            <numerusform>%n fältanteckningar</numerusform>
        </translation>
    </message>
    <message>
        <source>Field notes</source>
        <translation>Fältanteckningar</translation>
    </message>
    <message>
        <source>Read, search and edit your notes</source>
        <translation>Läs, sök och redigera dina anteckningar</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>Ny anteckning</translation>
    </message>
    <message>
        <source>Start writing straight away</source>
        <translation>Börja skriva direkt</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Inställningar</translation>
    </message>
    <message>
        <source>Language, text size, automatic lock, passphrase</source>
        <translation>Språk, textstorlek, automatisk låsning, lösenfras</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Lås</translation>
    </message>
    <message>
        <source>Close your data when you step away</source>
        <translation>Stäng dina uppgifter när du går ifrån</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Deltagare</translation>
    </message>
    <message>
        <source>Enrol, take consent, see each consent timeline</source>
        <translation>Skriv in, ta samtycke, se samtyckeshistorik</translation>
    </message>
    <message>
        <source>Project settings</source>
        <translation>Projektinställningar</translation>
    </message>
    <message>
        <source>Sites, languages, lawful basis, withdrawal, re-consent</source>
        <translation>Platser, språk, rättslig grund, avbrutet deltagande, förnyat samtycke</translation>
    </message>
    <message>
        <source>Observation</source>
        <translation>Observation</translation>
    </message>
    <message>
        <source>Code a live session: QuIS, co-production meetings</source>
        <translation>Koda en pågående session: QuIS, samskapande möten</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Synkronisering</translation>
    </message>
    <message>
        <source>Join your project&apos;s server with an enrolment code</source>
        <translation>Anslut till projektets server med en anslutningskod</translation>
    </message>
    <message>
        <source>Consent forms</source>
        <translation>Samtyckesblanketter</translation>
    </message>
    <message>
        <source>Write or import forms; every version is kept as published</source>
        <translation>Skriv eller importera blanketter; varje version sparas som den publicerades</translation>
    </message>
    <message>
        <source>Projects</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Open another case study or create a new project</source>
        <translation>Öppna en annan fallstudie eller skapa ett nytt projekt</translation>
    </message>
</context>
<context>
    <name>IdentityAuditScreen</name>
    <message>
        <source>Identity look-ups</source>
        <translation>Uppslagningar av identitet</translation>
    </message>
    <message numerus="yes">
        <source>%n look-up(s) of who is behind a code, newest first, from every device that has synced its audit log. Names are never recorded here.</source>
        <translation>
            <numerusform>%n uppslagning av vem som finns bakom en kod, den senaste först, från varje enhet som har synkroniserat sin granskningslogg. Namn registreras aldrig här.</numerusform>
            <numerusform>%n uppslagningar av vem som finns bakom en kod, de senaste först, från varje enhet som har synkroniserat sin granskningslogg. Namn registreras aldrig här.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 · device %2</source>
        <translation>%1 · enhet %2</translation>
    </message>
    <message>
        <source>No identity has been looked up yet.</source>
        <translation>Ingen identitet har slagits upp ännu.</translation>
    </message>
</context>
<context>
    <name>IdentityScreen</name>
    <message>
        <source>Identity of %1</source>
        <translation>Identitet för %1</translation>
    </message>
    <message>
        <source>Looking up who a participant is is recorded in the audit log with this device, the time, the code and the reason you choose. The data protection officer can see every look-up.</source>
        <translation>När du slår upp vem en deltagare är registreras det i granskningsloggen med den här enheten, tiden, koden och det skäl du väljer. Dataskyddsombudet kan se varje uppslagning.</translation>
    </message>
    <message>
        <source>Why do you need to see who this is?</source>
        <translation>Varför behöver du se vem det här är?</translation>
    </message>
    <message>
        <source>Show identity (recorded)</source>
        <translation>Visa identitet (registreras)</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Contact details</source>
        <translation>Kontaktuppgifter</translation>
    </message>
    <message>
        <source>Date of birth</source>
        <translation>Födelsedatum</translation>
    </message>
    <message>
        <source>Guardian or consultee</source>
        <translation>Vårdnadshavare eller företrädare</translation>
    </message>
    <message>
        <source>Hide the details</source>
        <translation>Dölj uppgifterna</translation>
    </message>
</context>
<context>
    <name>NoteDetailsScreen</name>
    <message>
        <source>Note details</source>
        <translation>Anteckningens detaljer</translation>
    </message>
    <message>
        <source>Saving makes a new version of the note; earlier versions are kept.</source>
        <translation>När du sparar blir det en ny version av anteckningen; tidigare versioner finns kvar.</translation>
    </message>
    <message>
        <source>Save details</source>
        <translation>Spara detaljer</translation>
    </message>
    <message>
        <source>Kind of note</source>
        <translation>Typ av anteckning</translation>
    </message>
    <message>
        <source>Codes</source>
        <translation>Koder</translation>
    </message>
    <message>
        <source>The project&apos;s codebook is empty. Add the first code below.</source>
        <translation>Projektets kodbok är tom. Lägg till den första koden nedan.</translation>
    </message>
    <message>
        <source>New code, e.g. Positive care</source>
        <translation>Ny kod, t.ex. Positiv omvårdnad</translation>
    </message>
    <message>
        <source>New code</source>
        <translation>Ny kod</translation>
    </message>
    <message>
        <source>Add code</source>
        <translation>Lägg till kod</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Plats</translation>
    </message>
    <message>
        <source>About a participant</source>
        <translation>Om en deltagare</translation>
    </message>
    <message>
        <source>Only participants whose consent allows observation can be linked. Others show why not.</source>
        <translation>Bara deltagare vars samtycke tillåter observation kan kopplas. För de andra står varför inte.</translation>
    </message>
    <message>
        <source>No participant</source>
        <translation>Ingen deltagare</translation>
    </message>
</context>
<context>
    <name>NoteEditorScreen</name>
    <message>
        <source>New note</source>
        <translation>Ny anteckning</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>Redigera anteckning</translation>
    </message>
    <message>
        <source>Versions</source>
        <translation>Versioner</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Spara</translation>
    </message>
    <message>
        <source>Saves a new version. Earlier versions are kept.</source>
        <translation>Sparar en ny version. Tidigare versioner finns kvar.</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Rubrik</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <source>Write what you observed…</source>
        <translation>Skriv vad du observerade…</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Detaljer</translation>
    </message>
    <message>
        <source>Field note or memo, codes, site and participant.</source>
        <translation>Fältanteckning eller memo, koder, plats och deltagare.</translation>
    </message>
    <message>
        <source>Photos and recordings (%1)</source>
        <translation>Foton och inspelningar (%1)</translation>
    </message>
    <message>
        <source>Photos and recordings</source>
        <translation>Foton och inspelningar</translation>
    </message>
</context>
<context>
    <name>NoteMediaPanel</name>
    <message>
        <source>Opens the camera. The photo is encrypted before it is saved.</source>
        <translation>Öppnar kameran. Fotot krypteras innan det sparas.</translation>
    </message>
    <message>
        <source>Add photo from file</source>
        <translation>Lägg till foto från fil</translation>
    </message>
    <message>
        <source>Records from the microphone. The sound is encrypted as it is recorded.</source>
        <translation>Spelar in från mikrofonen. Ljudet krypteras medan det spelas in.</translation>
    </message>
    <message>
        <source>Path to a JPEG or PNG photo</source>
        <translation>Sökväg till ett foto i JPEG eller PNG</translation>
    </message>
    <message>
        <source>Photo file</source>
        <translation>Fotofil</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Lägg till</translation>
    </message>
    <message>
        <source>Recording %1</source>
        <translation>Spelar in %1</translation>
    </message>
    <message>
        <source>Sound level</source>
        <translation>Ljudnivå</translation>
    </message>
    <message>
        <source>Stop and save</source>
        <translation>Stoppa och spara</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Kasta</translation>
    </message>
    <message>
        <source>Stops recording and keeps nothing.</source>
        <translation>Slutar spela in och sparar ingenting.</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>Bilagor</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppa</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Spela upp</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>Ta bort %1</translation>
    </message>
    <message>
        <source>Photos and recordings are encrypted on this device as soon as they are made.</source>
        <translation>Foton och inspelningar krypteras på den här enheten så snart de görs.</translation>
    </message>
</context>
<context>
    <name>Notes</name>
    <message>
        <source>That code is not in this project&apos;s codebook.</source>
        <translation>Den koden finns inte i projektets kodbok.</translation>
    </message>
    <message>
        <source>The coded passage is not inside the note&apos;s text.</source>
        <translation>Det kodade avsnittet finns inte i anteckningens text.</translation>
    </message>
    <message>
        <source>That site is not one of this project&apos;s sites.</source>
        <translation>Den platsen är inte en av projektets platser.</translation>
    </message>
    <message>
        <source>This participant&apos;s consent does not allow observation notes about them.</source>
        <translation>Deltagarens samtycke tillåter inte observationsanteckningar om deltagaren.</translation>
    </message>
</context>
<context>
    <name>NotesScreen</name>
    <message>
        <source>Field notes</source>
        <translation>Fältanteckningar</translation>
    </message>
    <message>
        <source>Search notes</source>
        <translation>Sök i anteckningar</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Rensa</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>Ny anteckning</translation>
    </message>
    <message numerus="yes">
        <source>%n note(s) found</source>
        <translation>
            <numerusform>%n anteckning hittades</numerusform>
            <numerusform>%n anteckningar hittades</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n field note(s), newest first</source>
        <translation>
            <numerusform>%n fältanteckning, nyaste först</numerusform>
            <numerusform>%n fältanteckningar, nyaste först</numerusform>
        </translation>
    </message>
    <message>
        <source>No notes match &quot;%1&quot;.</source>
        <translation>Inga anteckningar hittades för ”%1”.</translation>
    </message>
    <message>
        <source>No notes yet. Tap New note to write one.</source>
        <translation>Inga anteckningar än. Tryck på Ny anteckning för att skriva en.</translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation>Rensa sökningen</translation>
    </message>
    <message>
        <source>Close export</source>
        <translation>Stäng export</translation>
    </message>
    <message>
        <source>Export for analysis</source>
        <translation>Exportera för analys</translation>
    </message>
    <message>
        <source>Save this project&apos;s field notes, memos, codes and participants (by code, as cases) as one REFI-QDA file (.qdpx) that NVivo, ATLAS.ti, MAXQDA and QualCoder open. Names from the identity vault are never included.</source>
        <translation>Spara projektets fältanteckningar, memon, koder och deltagare (med kod, som fall) som en REFI-QDA-fil (.qdpx) som NVivo, ATLAS.ti, MAXQDA och QualCoder kan öppna. Namn från identitetsregistret tas aldrig med.</translation>
    </message>
    <message>
        <source>Save in this folder</source>
        <translation>Spara i den här mappen</translation>
    </message>
    <message>
        <source>Export folder</source>
        <translation>Exportmapp</translation>
    </message>
    <message>
        <source>Export .qdpx</source>
        <translation>Exportera .qdpx</translation>
    </message>
</context>
<context>
    <name>ObservationAgreementScreen</name>
    <message>
        <source>Observer agreement</source>
        <translation>Överensstämmelse mellan observatörer</translation>
    </message>
    <message>
        <source>Choose the sessions two observers coded at the same time: tap one for observer A, then one for observer B. Tap a chosen session again to take it back.</source>
        <translation>Välj sessionerna som två observatörer kodade samtidigt: tryck på en för observatör A och sedan en för observatör B. Tryck på en vald session igen för att ta bort valet.</translation>
    </message>
    <message>
        <source>Marked pairs</source>
        <translation>Markerade par</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öppna</translation>
    </message>
    <message>
        <source>Unmark</source>
        <translation>Ta bort markering</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sessioner</translation>
    </message>
    <message>
        <source>No sessions yet in this project.</source>
        <translation>Inga sessioner i projektet ännu.</translation>
    </message>
    <message>
        <source>Observer %1: </source>
        <translation>Observatör %1: </translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Metod</translation>
    </message>
    <message>
        <source>Slice length in seconds (ICC counts events per slice)</source>
        <translation>Intervallängd i sekunder (ICC räknar händelser per intervall)</translation>
    </message>
    <message>
        <source>Slice length in seconds</source>
        <translation>Intervallängd i sekunder</translation>
    </message>
    <message>
        <source>Tolerance in seconds (how far apart two codings may be)</source>
        <translation>Tolerans i sekunder (hur långt isär två kodningar får ligga)</translation>
    </message>
    <message>
        <source>Tolerance in seconds</source>
        <translation>Tolerans i sekunder</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Resultat</translation>
    </message>
    <message>
        <source>Choose the session of observer A.</source>
        <translation>Välj observatör A:s session.</translation>
    </message>
    <message>
        <source>Choose the session of observer B.</source>
        <translation>Välj observatör B:s session.</translation>
    </message>
    <message>
        <source>A: %1</source>
        <translation>A: %1</translation>
    </message>
    <message>
        <source>B: %1</source>
        <translation>B: %1</translation>
    </message>
    <message>
        <source>How this was computed</source>
        <translation>Så beräknades det</translation>
    </message>
    <message>
        <source>Marked as paired observers</source>
        <translation>Markerade som observatörspar</translation>
    </message>
    <message>
        <source>Mark as paired observers</source>
        <translation>Markera som observatörspar</translation>
    </message>
</context>
<context>
    <name>ObservationCorrectionScreen</name>
    <message>
        <source>Correct a session</source>
        <translation>Rätta en session</translation>
    </message>
    <message>
        <source>When</source>
        <translation>När</translation>
    </message>
    <message>
        <source>Observed time</source>
        <translation>Observerad tid</translation>
    </message>
    <message>
        <source>Time of day</source>
        <translation>Klockslag</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Tid</translation>
    </message>
    <message>
        <source>End (empty: when the session stopped)</source>
        <translation>Slut (tomt: när sessionen stoppades)</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Vad</translation>
    </message>
    <message>
        <source>%1 (state)</source>
        <translation>%1 (tillstånd)</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Vem</translation>
    </message>
    <message>
        <source>%1 (cannot be tagged)</source>
        <translation>%1 (kan inte taggas)</translation>
    </message>
    <message>
        <source>%1 (required)</source>
        <translation>%1 (obligatorisk)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <source>Comment (optional)</source>
        <translation>Kommentar (valfri)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Add event</source>
        <translation>Lägg till händelse</translation>
    </message>
    <message>
        <source>Save change</source>
        <translation>Spara ändringen</translation>
    </message>
    <message>
        <source>Add a missed event</source>
        <translation>Lägg till en missad händelse</translation>
    </message>
    <message>
        <source>Finalise correction…</source>
        <translation>Slutför rättelsen…</translation>
    </message>
    <message>
        <source>Discard correction…</source>
        <translation>Kasta rättelsen…</translation>
    </message>
    <message>
        <source>Discard this correction? Its changes are dropped; the finalised version stays as it is.</source>
        <translation>Kasta den här rättelsen? Dess ändringar försvinner; den slutförda versionen är som den är.</translation>
    </message>
    <message>
        <source>Finalise this correction as the session&apos;s new version? Summaries, exports and agreement will use it. The earlier version stays unchanged and readable, and this one can only be corrected again as a new version.</source>
        <translation>Slutföra rättelsen som sessionens nya version? Sammanfattningar, exporter och överensstämmelse kommer att använda den. Den tidigare versionen är oförändrad och läsbar, och den här kan bara rättas igen som en ny version.</translation>
    </message>
    <message>
        <source>Discard correction</source>
        <translation>Kasta rättelsen</translation>
    </message>
    <message>
        <source>Finalise correction</source>
        <translation>Slutför rättelsen</translation>
    </message>
    <message>
        <source>Events (%1)</source>
        <translation>Händelser (%1)</translation>
    </message>
    <message>
        <source>No events left. Add a missed event, or discard this correction.</source>
        <translation>Inga händelser kvar. Lägg till en missad händelse eller kasta rättelsen.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Ändra</translation>
    </message>
    <message>
        <source>Remove it and its end</source>
        <translation>Ta bort den och dess slut</translation>
    </message>
    <message>
        <source>Remove it</source>
        <translation>Ta bort den</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Behåll den</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Slut</translation>
    </message>
</context>
<context>
    <name>ObservationLiveScreen</name>
    <message>
        <source>Observation</source>
        <translation>Observation</translation>
    </message>
    <message>
        <source>Observation time %1</source>
        <translation>Observationstid %1</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausa</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsätt</translation>
    </message>
    <message>
        <source>Undo last</source>
        <translation>Ångra senaste</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Stoppa</translation>
    </message>
    <message>
        <source>Prompt: observe and code what is happening now.</source>
        <translation>Påminnelse: observera och koda det som händer nu.</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Prompt seen</source>
        <translation>Påminnelsen är sedd</translation>
    </message>
    <message>
        <source>This session has stopped. Its events can be read, but nothing more can be coded.</source>
        <translation>Sessionen har stoppats. Händelserna kan läsas, men inget mer kan kodas.</translation>
    </message>
    <message>
        <source>See the session&apos;s events</source>
        <translation>Visa sessionens händelser</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Vem</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Quick note</source>
        <translation>Snabbanteckning</translation>
    </message>
    <message>
        <source>Timestamped now</source>
        <translation>Tidsstämplas nu</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Lägg till</translation>
    </message>
    <message>
        <source>One tap records the dissent: the participant is not tagged again, and their consent shows it.</source>
        <translation>Ett tryck registrerar att deltagaren avböjer: hen taggas inte igen, och det syns i samtycket.</translation>
    </message>
    <message>
        <source>%1 objects</source>
        <translation>%1 avböjer</translation>
    </message>
    <message numerus="yes">
        <source>%n event(s) coded</source>
        <translation>
            <numerusform>%n händelse kodad</numerusform>
            <numerusform>%n händelser kodade</numerusform>
        </translation>
    </message>
    <message>
        <source>Dissent</source>
        <translation>Avböjer</translation>
    </message>
    <message>
        <source>No observation session is open. Open one from the list, or start a new one.</source>
        <translation>Ingen observationssession är öppen. Öppna en i listan eller starta en ny.</translation>
    </message>
    <message>
        <source>Observation sessions</source>
        <translation>Observationssessioner</translation>
    </message>
    <message>
        <source>%1: choose the details, then log it</source>
        <translation>%1: välj detaljerna och registrera sedan</translation>
    </message>
    <message>
        <source>%1 (required)</source>
        <translation>%1 (obligatorisk)</translation>
    </message>
    <message>
        <source>Log it</source>
        <translation>Registrera</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Stop the session? The clock cannot be started again; running states are ended at the stop.</source>
        <translation>Stoppa sessionen? Klockan kan inte startas igen; pågående tillstånd avslutas vid stoppet.</translation>
    </message>
    <message>
        <source>Keep observing</source>
        <translation>Fortsätt observera</translation>
    </message>
    <message>
        <source>Stop session</source>
        <translation>Stoppa sessionen</translation>
    </message>
    <message>
        <source>Sound</source>
        <translation>Ljud</translation>
    </message>
    <message>
        <source>Play a sound with each prompt</source>
        <translation>Spela ett ljud vid varje påminnelse</translation>
    </message>
</context>
<context>
    <name>ObservationSetupScreen</name>
    <message>
        <source>New observation session</source>
        <translation>Ny observationssession</translation>
    </message>
    <message>
        <source>Project: %1. The clock starts when you tap Start.</source>
        <translation>Projekt: %1. Klockan startar när du trycker på Starta.</translation>
    </message>
    <message>
        <source>Coding scheme</source>
        <translation>Kodschema</translation>
    </message>
    <message>
        <source>Path to the .json file</source>
        <translation>Sökväg till .json-filen</translation>
    </message>
    <message>
        <source>Scheme file</source>
        <translation>Schemafil</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Importera</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Var</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>Plats</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>Miljö</translation>
    </message>
    <message>
        <source>Observers</source>
        <translation>Observatörer</translation>
    </message>
    <message>
        <source>Your initials (you code on this device)</source>
        <translation>Dina initialer (du kodar på den här enheten)</translation>
    </message>
    <message>
        <source>e.g. AL</source>
        <translation>t.ex. AL</translation>
    </message>
    <message>
        <source>Other observers, separated by commas (for paired observation)</source>
        <translation>Andra observatörer, åtskilda med kommatecken (för parvis observation)</translation>
    </message>
    <message>
        <source>e.g. KB</source>
        <translation>t.ex. KB</translation>
    </message>
    <message>
        <source>Participants present</source>
        <translation>Närvarande deltagare</translation>
    </message>
    <message>
        <source>The project has no participants yet. Others present are counted by role below.</source>
        <translation>Projektet har inga deltagare ännu. Andra närvarande räknas per roll nedan.</translation>
    </message>
    <message>
        <source>Tick the participants who are present, by code. Only those whose consent allows observation can be ticked; the others show why not.</source>
        <translation>Kryssa för de deltagare som är närvarande, med kod. Bara de vars samtycke tillåter observation kan kryssas för; för de andra visas varför inte.</translation>
    </message>
    <message>
        <source>Others present, counted by role</source>
        <translation>Andra närvarande, räknade per roll</translation>
    </message>
    <message>
        <source>One fewer: %1</source>
        <translation>En färre: %1</translation>
    </message>
    <message>
        <source>One more: %1</source>
        <translation>En till: %1</translation>
    </message>
    <message>
        <source>Interval prompts</source>
        <translation>Påminnelser med intervall</translation>
    </message>
    <message>
        <source>Prompt every … minutes of observation time (0 for no prompts)</source>
        <translation>Påminn var … minut av observationstiden (0 för inga påminnelser)</translation>
    </message>
    <message>
        <source>Start session</source>
        <translation>Starta session</translation>
    </message>
    <message>
        <source>The clock starts now</source>
        <translation>Klockan startar nu</translation>
    </message>
    <message>
        <source>Still agrees</source>
        <translation>Samtycker fortfarande</translation>
    </message>
    <message>
        <source>Seems hesitant</source>
        <translation>Verkar tveksam</translation>
    </message>
    <message>
        <source>Says no or shows dissent</source>
        <translation>Säger nej eller visar att hen inte vill</translation>
    </message>
    <message>
        <source>Or import a scheme saved as a Samla coding-scheme JSON file (kept with the project)</source>
        <translation>Eller importera ett schema som sparats som en JSON-kodschemafil från Samla (sparas i projektet)</translation>
    </message>
</context>
<context>
    <name>ObservationSummaryScreen</name>
    <message>
        <source>Observation summaries</source>
        <translation>Sammanställningar av observationer</translation>
    </message>
    <message>
        <source>Session summary</source>
        <translation>Sammanställning av sessionen</translation>
    </message>
    <message>
        <source>Export every session&apos;s events</source>
        <translation>Exportera alla sessioners händelser</translation>
    </message>
    <message>
        <source>Export this session&apos;s events</source>
        <translation>Exportera sessionens händelser</translation>
    </message>
    <message>
        <source>One row per event of every session in this project (all schemes and versions), for a spreadsheet or statistics program.</source>
        <translation>En rad per händelse i alla projektets sessioner (alla scheman och versioner), för kalkylprogram eller statistikprogram.</translation>
    </message>
    <message>
        <source>One row per event in force: observer, observation time, local time with time zone, subject, behaviour, modifiers and comment.</source>
        <translation>En rad per gällande händelse: observatör, observationstid, lokal tid med tidszon, subjekt, beteende, modifierare och kommentar.</translation>
    </message>
    <message>
        <source>Save in this folder</source>
        <translation>Spara i den här mappen</translation>
    </message>
    <message>
        <source>Export folder</source>
        <translation>Exportmapp</translation>
    </message>
    <message>
        <source>Export as CSV</source>
        <translation>Exportera som CSV</translation>
    </message>
    <message>
        <source>Export as TSV</source>
        <translation>Exportera som TSV</translation>
    </message>
</context>
<context>
    <name>ObservationText</name>
    <message>
        <source>%1 started</source>
        <translation>%1 började</translation>
    </message>
    <message>
        <source>%1 ended</source>
        <translation>%1 slutade</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <source>Dissent: observation stopped for this participant</source>
        <translation>Avböjer: observationen av deltagaren har upphört</translation>
    </message>
    <message>
        <source>This session is finalised and can no longer be changed. A correction is made as a new version.</source>
        <translation>Sessionen är slutförd och kan inte längre ändras. En rättelse görs som en ny version.</translation>
    </message>
    <message>
        <source>This participant cannot be tagged: %1</source>
        <translation>Deltagaren kan inte taggas: %1</translation>
    </message>
    <message>
        <source>The session is paused. Resume it to code again.</source>
        <translation>Sessionen är pausad. Fortsätt den för att koda igen.</translation>
    </message>
    <message>
        <source>The session has stopped, so nothing more can be coded.</source>
        <translation>Sessionen har stoppats, så inget mer kan kodas.</translation>
    </message>
    <message>
        <source>The session is not running.</source>
        <translation>Sessionen pågår inte.</translation>
    </message>
    <message>
        <source>The session is not paused.</source>
        <translation>Sessionen är inte pausad.</translation>
    </message>
    <message>
        <source>Stop the session before you finalise it.</source>
        <translation>Stoppa sessionen innan du slutför den.</translation>
    </message>
    <message>
        <source>Choose who this is about first: a role or a participant code.</source>
        <translation>Välj först vem det gäller: en roll eller en deltagarkod.</translation>
    </message>
    <message>
        <source>This behaviour is coded without a subject. Choose &quot;No subject&quot; and tap it again.</source>
        <translation>Det här beteendet kodas utan person. Välj &quot;Ingen person&quot; och tryck igen.</translation>
    </message>
    <message>
        <source>That role is not part of this coding scheme.</source>
        <translation>Den rollen finns inte i det här kodschemat.</translation>
    </message>
    <message>
        <source>That participant was not taken into this session, so they cannot be tagged.</source>
        <translation>Deltagaren togs inte med i sessionen och kan därför inte taggas.</translation>
    </message>
    <message>
        <source>This participant has objected to being observed. They can no longer be tagged in this session.</source>
        <translation>Deltagaren har avböjt att bli observerad och kan inte längre taggas i den här sessionen.</translation>
    </message>
    <message>
        <source>There is nothing to undo.</source>
        <translation>Det finns inget att ångra.</translation>
    </message>
    <message>
        <source>Write something in the note first.</source>
        <translation>Skriv något i anteckningen först.</translation>
    </message>
    <message>
        <source>The note is too long. Keep it under 10,000 characters.</source>
        <translation>Anteckningen är för lång. Håll den under 10 000 tecken.</translation>
    </message>
    <message>
        <source>Write your initials as the observer on this device.</source>
        <translation>Skriv dina initialer som observatör på den här enheten.</translation>
    </message>
    <message>
        <source>The prompt interval must be between 0 (no prompts) and 1,440 minutes.</source>
        <translation>Intervallet för påminnelser måste vara mellan 0 (inga påminnelser) och 1 440 minuter.</translation>
    </message>
    <message>
        <source>Attendee counts must be whole numbers of 0 or more.</source>
        <translation>Antalet närvarande måste vara heltal, 0 eller fler.</translation>
    </message>
    <message>
        <source>That site is not one of the project&apos;s sites. Choose a site from the list.</source>
        <translation>Platsen hör inte till projektets platser. Välj en plats i listan.</translation>
    </message>
    <message>
        <source>The coding scheme is not valid, so the session was not started.</source>
        <translation>Kodschemat är inte giltigt, så sessionen startades inte.</translation>
    </message>
    <message>
        <source>A modifier of this behaviour is missing or out of range.</source>
        <translation>En modifierare för beteendet saknas eller ligger utanför tillåtna värden.</translation>
    </message>
    <message>
        <source>That behaviour is not part of this session&apos;s coding scheme.</source>
        <translation>Beteendet finns inte i sessionens kodschema.</translation>
    </message>
    <message>
        <source>Ward area</source>
        <translation>Avdelningsområde</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Möte</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Evenemang</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Pågår</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Pausad</translation>
    </message>
    <message>
        <source>Stopped, not finalised</source>
        <translation>Stoppad, inte slutförd</translation>
    </message>
    <message>
        <source>Finalised</source>
        <translation>Slutförd</translation>
    </message>
    <message>
        <source>Corrected (version %1)</source>
        <translation>Rättad (version %1)</translation>
    </message>
    <message>
        <source>Correction to version %1 begun by %2, not finalised yet</source>
        <translation>Rättelse till version %1 påbörjad av %2, inte slutförd än</translation>
    </message>
    <message>
        <source>Write why this session is corrected. The reason is kept with the correction and shown in its history.</source>
        <translation>Skriv varför sessionen rättas. Skälet sparas med rättelsen och visas i dess historik.</translation>
    </message>
    <message>
        <source>The reason is too long. Keep it under 2,000 characters.</source>
        <translation>Skälet är för långt. Håll det under 2 000 tecken.</translation>
    </message>
    <message>
        <source>Only a finalised session can be corrected. Check and finalise it first.</source>
        <translation>Bara en slutförd session kan rättas. Granska och slutför den först.</translation>
    </message>
    <message>
        <source>A correction has already replaced this version. Open the newest version and correct that one.</source>
        <translation>En rättelse har redan ersatt den här versionen. Öppna den senaste versionen och rätta den.</translation>
    </message>
    <message>
        <source>A correction of this session is already being made. Continue it, or discard it first.</source>
        <translation>En rättelse av sessionen pågår redan. Fortsätt den eller kasta den först.</translation>
    </message>
    <message>
        <source>This session is still being coded. Stop it before you change its events.</source>
        <translation>Sessionen kodas fortfarande. Stoppa den innan du ändrar dess händelser.</translation>
    </message>
    <message>
        <source>Events can be added or changed only in a correction of a finalised session.</source>
        <translation>Händelser kan bara läggas till eller ändras i en rättelse av en slutförd session.</translation>
    </message>
    <message>
        <source>That time is outside the session. Choose a time between its start and its stop.</source>
        <translation>Den tiden ligger utanför sessionen. Välj en tid mellan dess start och stopp.</translation>
    </message>
    <message>
        <source>The end is before the start. Write an end time after the start.</source>
        <translation>Slutet är före starten. Skriv en sluttid efter starten.</translation>
    </message>
    <message>
        <source>This state already has an end.</source>
        <translation>Det här tillståndet har redan ett slut.</translation>
    </message>
    <message>
        <source>A point event can only become another point event, and a state another state. Remove it and add the right one instead.</source>
        <translation>En punkthändelse kan bara bli en annan punkthändelse och ett tillstånd ett annat tillstånd. Ta bort den och lägg till den rätta i stället.</translation>
    </message>
    <message>
        <source>The end of a state follows its start: change the start, or remove the end.</source>
        <translation>Ett tillstånds slut följer dess start: ändra starten eller ta bort slutet.</translation>
    </message>
    <message>
        <source>The session was paused then, so nothing was observed. Choose a time before or after the pause.</source>
        <translation>Sessionen var pausad då, så inget observerades. Välj en tid före eller efter pausen.</translation>
    </message>
</context>
<context>
    <name>ObservationViewScreen</name>
    <message>
        <source>Observation session</source>
        <translation>Observationssession</translation>
    </message>
    <message>
        <source>Check the events below. Finalise when they are right: after that the session cannot be changed.</source>
        <translation>Kontrollera händelserna nedan. Slutför när de stämmer: därefter kan sessionen inte ändras.</translation>
    </message>
    <message>
        <source>Finalise…</source>
        <translation>Slutför…</translation>
    </message>
    <message>
        <source>Finalise this session? Its events can no longer be changed or undone. A correction will be a new version.</source>
        <translation>Slutföra sessionen? Händelserna kan då inte längre ändras eller ångras. En rättelse blir en ny version.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Finalise session</source>
        <translation>Slutför sessionen</translation>
    </message>
    <message>
        <source>Events (%1)</source>
        <translation>Händelser (%1)</translation>
    </message>
    <message>
        <source>No events were coded in this session.</source>
        <translation>Inga händelser kodades i den här sessionen.</translation>
    </message>
    <message>
        <source>What · who · modifiers</source>
        <translation>Vad · vem · modifierare</translation>
    </message>
    <message>
        <source>Observed</source>
        <translation>Observerad</translation>
    </message>
    <message>
        <source>Local time</source>
        <translation>Lokal tid</translation>
    </message>
    <message>
        <source>Summary and export</source>
        <translation>Sammanställning och export</translation>
    </message>
    <message>
        <source>Correct this session…</source>
        <translation>Rätta sessionen…</translation>
    </message>
    <message>
        <source>Continue correction</source>
        <translation>Fortsätt rättelsen</translation>
    </message>
    <message>
        <source>Discard correction…</source>
        <translation>Kasta rättelsen…</translation>
    </message>
    <message>
        <source>Discard the unfinished correction? Its changes are dropped; this version stays as it is.</source>
        <translation>Kasta den oavslutade rättelsen? Dess ändringar försvinner; den här versionen är som den är.</translation>
    </message>
    <message>
        <source>Correcting makes a new version of this session. This version stays unchanged and readable. Why is it corrected?</source>
        <translation>En rättelse blir en ny version av sessionen. Den här versionen förblir oförändrad och läsbar. Varför rättas den?</translation>
    </message>
    <message>
        <source>Reason (required, kept with the correction)</source>
        <translation>Skäl (obligatoriskt, sparas med rättelsen)</translation>
    </message>
    <message>
        <source>e.g. an interaction at 10:42 was coded as neutral but was positive care</source>
        <translation>t.ex. en interaktion kl. 10:42 kodades som neutral men var positiv omvårdnad</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Skäl</translation>
    </message>
    <message>
        <source>Your initials</source>
        <translation>Dina initialer</translation>
    </message>
    <message>
        <source>Discard correction</source>
        <translation>Kasta rättelsen</translation>
    </message>
    <message>
        <source>Start correction</source>
        <translation>Börja rätta</translation>
    </message>
    <message>
        <source>Versions (%1)</source>
        <translation>Versioner (%1)</translation>
    </message>
    <message>
        <source>the record</source>
        <translation>gäller</translation>
    </message>
    <message>
        <source>Shown</source>
        <translation>Visas</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öppna</translation>
    </message>
    <message>
        <source>Open %1</source>
        <translation>Öppna %1</translation>
    </message>
</context>
<context>
    <name>ObservationsScreen</name>
    <message>
        <source>Observation</source>
        <translation>Observation</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n observation session(s).</source>
        <translation>
            <numerusform>%1: %n observationssession.</numerusform>
            <numerusform>%1: %n observationssessioner.</numerusform>
        </translation>
    </message>
    <message>
        <source>Start session</source>
        <translation>Starta session</translation>
    </message>
    <message>
        <source>Observers: %1</source>
        <translation>Observatörer: %1</translation>
    </message>
    <message>
        <source>No sessions yet. Start one when you begin observing: the clock runs from the start.</source>
        <translation>Inga sessioner ännu. Starta en när du börjar observera: klockan går från starten.</translation>
    </message>
    <message>
        <source>Summaries and export</source>
        <translation>Sammanställningar och export</translation>
    </message>
    <message>
        <source>Observer agreement</source>
        <translation>Överensstämmelse mellan observatörer</translation>
    </message>
    <message>
        <source>Coding schemes</source>
        <translation>Kodscheman</translation>
    </message>
</context>
<context>
    <name>ParticipantDelegate</name>
    <message>
        <source>Another participant has the same code: both are kept, nothing was merged.</source>
        <translation>En annan deltagare har samma kod: båda finns kvar, inget har slagits ihop.</translation>
    </message>
</context>
<context>
    <name>ParticipantsScreen</name>
    <message>
        <source>Participants</source>
        <translation>Deltagare</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n participant(s). Only codes are shown here.</source>
        <translation>
            <numerusform>%1: %n deltagare. Här visas bara koder.</numerusform>
            <numerusform>%1: %n deltagare. Här visas bara koder.</numerusform>
        </translation>
    </message>
    <message>
        <source>Enrol participant</source>
        <translation>Skriv in deltagare</translation>
    </message>
    <message>
        <source>No participants yet. Tap Enrol participant to add the first one.</source>
        <translation>Inga deltagare än. Tryck på Skriv in deltagare för att lägga till den första.</translation>
    </message>
    <message>
        <source>Identity look-ups</source>
        <translation>Uppslagningar av identitet</translation>
    </message>
</context>
<context>
    <name>PassphraseField</name>
    <message>
        <source>Hide</source>
        <translation>Dölj</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Visa</translation>
    </message>
    <message>
        <source>Hide passphrase</source>
        <translation>Dölj lösenfrasen</translation>
    </message>
    <message>
        <source>Show passphrase</source>
        <translation>Visa lösenfrasen</translation>
    </message>
</context>
<context>
    <name>ProjectScreen</name>
    <message>
        <source>Project settings</source>
        <translation>Projektinställningar</translation>
    </message>
    <message>
        <source>Project name</source>
        <translation>Projektets namn</translation>
    </message>
    <message>
        <source>Participant code prefix (1–4 capital letters)</source>
        <translation>Prefix för deltagarkoder (1–4 versaler)</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beskrivning</translation>
    </message>
    <message>
        <source>Working languages</source>
        <translation>Arbetsspråk</translation>
    </message>
    <message>
        <source>Sites</source>
        <translation>Platser</translation>
    </message>
    <message>
        <source>Whose law decides the consent route at each site: Sweden, or England (Mental Capacity Act, Gillick).</source>
        <translation>Vilket lands lag som avgör vägen till samtycke på varje plats: Sverige eller England (Mental Capacity Act, Gillick).</translation>
    </message>
    <message>
        <source>Site name</source>
        <translation>Platsens namn</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <source>Sweden</source>
        <translation>Sverige</translation>
    </message>
    <message>
        <source>England</source>
        <translation>England</translation>
    </message>
    <message>
        <source>Add site</source>
        <translation>Lägg till plats</translation>
    </message>
    <message>
        <source>Law for participants without a site</source>
        <translation>Lag för deltagare utan plats</translation>
    </message>
    <message>
        <source>Lawful basis and withdrawal</source>
        <translation>Rättslig grund och avbrutet deltagande</translation>
    </message>
    <message>
        <source>Lawful basis</source>
        <translation>Rättslig grund</translation>
    </message>
    <message>
        <source>When a participant withdraws</source>
        <translation>När en deltagare avbryter sitt deltagande</translation>
    </message>
    <message>
        <source>Stop, and keep data already collected</source>
        <translation>Avsluta och behåll redan insamlade uppgifter</translation>
    </message>
    <message>
        <source>Stop, and erase data already collected if they ask</source>
        <translation>Avsluta och radera redan insamlade uppgifter om deltagaren ber om det</translation>
    </message>
    <message>
        <source>Retention and re-consent</source>
        <translation>Bevarande och förnyat samtycke</translation>
    </message>
    <message>
        <source>Keep data for (months, 0 = not set)</source>
        <translation>Bevara uppgifterna i (månader, 0 = inte angivet)</translation>
    </message>
    <message>
        <source>Confirm consent again every (days, 0 = never)</source>
        <translation>Bekräfta samtycket igen med ett intervall på (dagar, 0 = aldrig)</translation>
    </message>
    <message>
        <source>Check consent at the start of every session</source>
        <translation>Stäm av samtycket i början av varje tillfälle</translation>
    </message>
    <message>
        <source>A child&apos;s own assent is needed besides the guardian&apos;s consent</source>
        <translation>Barnets eget medgivande behövs utöver vårdnadshavarens samtycke</translation>
    </message>
    <message>
        <source>Save project settings</source>
        <translation>Spara projektinställningarna</translation>
    </message>
    <message>
        <source>Study arm (summaries compare intervention and control sites)</source>
        <translation>Studiearm (sammanfattningarna jämför interventions- och kontrollplatser)</translation>
    </message>
    <message>
        <source>No arm</source>
        <translation>Ingen arm</translation>
    </message>
    <message>
        <source>Intervention</source>
        <translation>Intervention</translation>
    </message>
    <message>
        <source>Control</source>
        <translation>Kontroll</translation>
    </message>
</context>
<context>
    <name>ProjectsScreen</name>
    <message>
        <source>Projects</source>
        <translation>Projekt</translation>
    </message>
    <message>
        <source>Tap a project to open it. Notes, participants, consent and settings then show that project. This device remembers the one you chose.</source>
        <translation>Tryck på ett projekt för att öppna det. Anteckningar, deltagare, samtycken och inställningar visar sedan det projektet. Enheten minns vilket du valde.</translation>
    </message>
    <message>
        <source>Code prefix %1</source>
        <translation>Kodprefix %1</translation>
    </message>
    <message numerus="yes">
        <source>%n participant(s)</source>
        <translation>
            <numerusform>%n deltagare</numerusform>
            <numerusform>%n deltagare</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n field note(s)</source>
        <translation>
            <numerusform>%n fältanteckning</numerusform>
            <numerusform>%n fältanteckningar</numerusform>
        </translation>
    </message>
    <message>
        <source>demo</source>
        <translation>demo</translation>
    </message>
    <message>
        <source>open now</source>
        <translation>öppet nu</translation>
    </message>
    <message>
        <source>New project</source>
        <translation>Nytt projekt</translation>
    </message>
    <message>
        <source>Give the project a name and a participant code prefix. Next you set its sites, working languages, lawful basis, withdrawal policy, retention and re-consent interval.</source>
        <translation>Ge projektet ett namn och ett prefix för deltagarkoder. Sedan anger du platser, arbetsspråk, rättslig grund, hur återkallat samtycke hanteras, lagringstid och intervall för förnyat samtycke.</translation>
    </message>
    <message>
        <source>Project name</source>
        <translation>Projektets namn</translation>
    </message>
    <message>
        <source>Participant code prefix (1–4 capital letters)</source>
        <translation>Prefix för deltagarkoder (1–4 versaler)</translation>
    </message>
    <message>
        <source>Create and set up</source>
        <translation>Skapa och ställ in</translation>
    </message>
</context>
<context>
    <name>QdpxExport</name>
    <message>
        <source>Direct quotes allowed</source>
        <translation>Direkta citat tillåtna</translation>
    </message>
    <message>
        <source>Whether the participant&apos;s consent allowed direct quotes when this file was exported. Quote no one for whom this is false.</source>
        <translation>Om deltagarens samtycke tillät direkta citat när filen exporterades. Citera ingen för vilken detta är falskt.</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Har återkallat</translation>
    </message>
    <message>
        <source>Whether the participant had withdrawn when this file was exported. What was collected before the withdrawal may be analysed; nothing new is collected.</source>
        <translation>Om deltagaren hade återkallat sitt samtycke när filen exporterades. Det som samlades in före återkallelsen får analyseras; inget nytt samlas in.</translation>
    </message>
</context>
<context>
    <name>QuickNoteDialog</name>
    <message>
        <source>Quick note</source>
        <translation>Snabbanteckning</translation>
    </message>
    <message>
        <source>Saved among the notes of %1, titled with the time. Add details later under Field notes.</source>
        <translation>Sparas bland anteckningarna i %1, med tiden som rubrik. Lägg till detaljer senare under Fältanteckningar.</translation>
    </message>
    <message>
        <source>What did you see, hear or think?</source>
        <translation>Vad såg, hörde eller tänkte du?</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
    <message>
        <source>Closes the note. What you typed is kept until you save it.</source>
        <translation>Stänger anteckningen. Det du skrev finns kvar tills du sparar det.</translation>
    </message>
    <message>
        <source>Save note</source>
        <translation>Spara anteckningen</translation>
    </message>
</context>
<context>
    <name>RecoverScreen</name>
    <message>
        <source>Use your recovery key</source>
        <translation>Använd din återställningsnyckel</translation>
    </message>
    <message>
        <source>Type the recovery key you wrote down when you set up Samla, then choose a new passphrase. Your notes stay as they are.</source>
        <translation>Skriv återställningsnyckeln som du skrev ner när du började använda Samla, och välj sedan en ny lösenfras. Dina anteckningar påverkas inte.</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Återställningsnyckel</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>Ny lösenfras</translation>
    </message>
    <message>
        <source>Type the new passphrase again</source>
        <translation>Skriv den nya lösenfrasen igen</translation>
    </message>
    <message>
        <source>Opening your data…</source>
        <translation>Öppnar dina uppgifter…</translation>
    </message>
    <message>
        <source>Recover and unlock</source>
        <translation>Återställ och lås upp</translation>
    </message>
    <message>
        <source>Back to unlock</source>
        <translation>Tillbaka till upplåsning</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyScreen</name>
    <message>
        <source>Your recovery key</source>
        <translation>Din återställningsnyckel</translation>
    </message>
    <message>
        <source>If you ever forget your passphrase, this key is the only way to open your data. Nobody else has a copy: not your data manager, and not the people who make Samla.</source>
        <translation>Om du glömmer din lösenfras är den här nyckeln det enda sättet att öppna dina uppgifter. Ingen annan har en kopia, varken den som är dataansvarig i ditt projekt eller de som utvecklar Samla.</translation>
    </message>
    <message>
        <source>Write it down on paper now, or save it in your organisation&apos;s password manager. Keep it away from this device.</source>
        <translation>Skriv ner den på papper nu, eller spara den i din organisations lösenordshanterare. Förvara den inte tillsammans med den här enheten.</translation>
    </message>
    <message>
        <source>Recovery key</source>
        <translation>Återställningsnyckel</translation>
    </message>
    <message>
        <source>You will see this key only once. Samla does not keep a copy.</source>
        <translation>Du ser den här nyckeln bara en gång. Samla sparar ingen kopia.</translation>
    </message>
    <message>
        <source>I have written it down or stored it safely</source>
        <translation>Jag har skrivit ner den eller sparat den på ett säkert ställe</translation>
    </message>
    <message>
        <source>To check, type the last group of the key (the characters after the last dash)</source>
        <translation>Skriv den sista gruppen i nyckeln som kontroll (tecknen efter det sista bindestrecket)</translation>
    </message>
    <message>
        <source>Last group of the recovery key</source>
        <translation>Sista gruppen i återställningsnyckeln</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Fortsätt</translation>
    </message>
</context>
<context>
    <name>SchemeEditorScreen</name>
    <message>
        <source>Coding scheme</source>
        <translation>Kodschema</translation>
    </message>
    <message>
        <source>New coding scheme</source>
        <translation>Nytt kodschema</translation>
    </message>
    <message>
        <source>Edit coding scheme</source>
        <translation>Redigera kodschema</translation>
    </message>
    <message>
        <source>Code (kept in the data)</source>
        <translation>Kod (sparas i data)</translation>
    </message>
    <message>
        <source>A built-in scheme cannot be changed. Duplicate it to make a copy you can edit.</source>
        <translation>Ett inbyggt schema kan inte ändras. Duplicera det för att få en kopia du kan redigera.</translation>
    </message>
    <message>
        <source>A new scheme. Saving makes its version 1.</source>
        <translation>Ett nytt schema. När du sparar blir det version 1.</translation>
    </message>
    <message>
        <source>Starting from version %1. Saving makes version %2; sessions already coded keep the version they were coded with.</source>
        <translation>Utgår från version %1. När du sparar blir det version %2; sessioner som redan kodats behåller den version de kodades med.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Namn</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beskrivning</translation>
    </message>
    <message>
        <source>Code of the scheme (kept in the data; cannot change once saved)</source>
        <translation>Schemats kod (sparas i data; kan inte ändras efter att schemat sparats)</translation>
    </message>
    <message>
        <source>Code of the scheme</source>
        <translation>Schemats kod</translation>
    </message>
    <message>
        <source>Prompt every … seconds (0: no prompts)</source>
        <translation>Påminnelse var … sekund (0: inga påminnelser)</translation>
    </message>
    <message>
        <source>Subjects: who an event is about</source>
        <translation>Subjekt: vem en händelse gäller</translation>
    </message>
    <message>
        <source>Consented participants can be tagged by their code</source>
        <translation>Deltagare med samtycke kan märkas med sin kod</translation>
    </message>
    <message>
        <source>Role %1</source>
        <translation>Roll %1</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <source>Remove role %1</source>
        <translation>Ta bort roll %1</translation>
    </message>
    <message>
        <source>Add role</source>
        <translation>Lägg till roll</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>Kategorier</translation>
    </message>
    <message>
        <source>Behaviours can be grouped in categories. In an ordered category the order of its behaviours is a scale (as in QuIS, from positive to negative), which weighted kappa uses.</source>
        <translation>Beteenden kan grupperas i kategorier. I en ordnad kategori är ordningen mellan beteendena en skala (som i QuIS, från positiv till negativ), som viktad kappa använder.</translation>
    </message>
    <message>
        <source>Category %1</source>
        <translation>Kategori %1</translation>
    </message>
    <message>
        <source>Remove category %1</source>
        <translation>Ta bort kategori %1</translation>
    </message>
    <message>
        <source>Ordered: its behaviours form a scale</source>
        <translation>Ordnad: beteendena bildar en skala</translation>
    </message>
    <message>
        <source>Add category</source>
        <translation>Lägg till kategori</translation>
    </message>
    <message>
        <source>Modifiers</source>
        <translation>Modifierare</translation>
    </message>
    <message>
        <source>Details coded with a behaviour: a single or multiple choice, a number or free text. Tick them on the behaviours they belong to.</source>
        <translation>Detaljer som kodas med ett beteende: ett enkelval, flerval, tal eller fritext. Kryssa för dem på de beteenden de hör till.</translation>
    </message>
    <message>
        <source>Modifier %1</source>
        <translation>Modifierare %1</translation>
    </message>
    <message>
        <source>Remove modifier %1</source>
        <translation>Ta bort modifierare %1</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Slag</translation>
    </message>
    <message>
        <source>Kind of modifier %1</source>
        <translation>Slag av modifierare %1</translation>
    </message>
    <message>
        <source>Must be given</source>
        <translation>Måste anges</translation>
    </message>
    <message>
        <source>Option %1</source>
        <translation>Alternativ %1</translation>
    </message>
    <message>
        <source>Remove option %1</source>
        <translation>Ta bort alternativ %1</translation>
    </message>
    <message>
        <source>Add option</source>
        <translation>Lägg till alternativ</translation>
    </message>
    <message>
        <source>Lowest (empty: none)</source>
        <translation>Lägsta (tomt: inget)</translation>
    </message>
    <message>
        <source>Highest (empty: none)</source>
        <translation>Högsta (tomt: inget)</translation>
    </message>
    <message>
        <source>Add modifier</source>
        <translation>Lägg till modifierare</translation>
    </message>
    <message>
        <source>Behaviours</source>
        <translation>Beteenden</translation>
    </message>
    <message>
        <source>What observers tap. A point event happens at one moment; a state event starts and stops. The order here is the order of the coding grid.</source>
        <translation>Det observatörer trycker på. En punkthändelse sker vid ett ögonblick; en tillståndshändelse startar och stoppar. Ordningen här är kodrutnätets ordning.</translation>
    </message>
    <message>
        <source>Behaviour %1</source>
        <translation>Beteende %1</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Flytta upp</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Flytta ned</translation>
    </message>
    <message>
        <source>Remove behaviour %1</source>
        <translation>Ta bort beteende %1</translation>
    </message>
    <message>
        <source>Point event</source>
        <translation>Punkthändelse</translation>
    </message>
    <message>
        <source>State event (start and stop)</source>
        <translation>Tillståndshändelse (start och stopp)</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <source>Category of behaviour %1</source>
        <translation>Kategori för beteende %1</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>Subjekt</translation>
    </message>
    <message>
        <source>Subject of behaviour %1</source>
        <translation>Subjekt för beteende %1</translation>
    </message>
    <message>
        <source>Button colour (#rrggbb, or empty)</source>
        <translation>Knappens färg (#rrggbb, eller tomt)</translation>
    </message>
    <message>
        <source>Button colour of behaviour %1</source>
        <translation>Knappfärg för beteende %1</translation>
    </message>
    <message>
        <source>Modifiers coded with it</source>
        <translation>Modifierare som kodas med det</translation>
    </message>
    <message>
        <source>Add behaviour</source>
        <translation>Lägg till beteende</translation>
    </message>
    <message>
        <source>Mutually exclusive groups</source>
        <translation>Ömsesidigt uteslutande grupper</translation>
    </message>
    <message>
        <source>State behaviours of which only one runs at a time for a subject: starting one stops the others (sitting, standing, lying).</source>
        <translation>Tillståndsbeteenden där bara ett pågår åt gången för ett subjekt: när ett startar stoppas de andra (sitter, står, ligger).</translation>
    </message>
    <message>
        <source>Group %1</source>
        <translation>Grupp %1</translation>
    </message>
    <message>
        <source>Remove group %1</source>
        <translation>Ta bort grupp %1</translation>
    </message>
    <message>
        <source>Behaviours in the group</source>
        <translation>Beteenden i gruppen</translation>
    </message>
    <message>
        <source>The scheme has no state behaviours yet.</source>
        <translation>Schemat har inga tillståndsbeteenden än.</translation>
    </message>
    <message>
        <source>Add group</source>
        <translation>Lägg till grupp</translation>
    </message>
    <message>
        <source>Changes not yet saved</source>
        <translation>Ändringar inte sparade än</translation>
    </message>
    <message>
        <source>Not saved yet</source>
        <translation>Inte sparat än</translation>
    </message>
    <message>
        <source>No changes since the last version</source>
        <translation>Inga ändringar sedan senaste versionen</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>Förkasta ändringar</translation>
    </message>
    <message>
        <source>Save version 1</source>
        <translation>Spara version 1</translation>
    </message>
    <message>
        <source>Save version %1</source>
        <translation>Spara version %1</translation>
    </message>
    <message>
        <source>Duplicate to edit</source>
        <translation>Duplicera för att redigera</translation>
    </message>
</context>
<context>
    <name>SchemeLabelField</name>
    <message>
        <source>Every language</source>
        <translation>Alla språk</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <source>Settings</source>
        <translation>Inställningar</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Språk</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>Textstorlek</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Normal</translation>
    </message>
    <message>
        <source>Large</source>
        <translation>Stor</translation>
    </message>
    <message>
        <source>Extra large</source>
        <translation>Extra stor</translation>
    </message>
    <message>
        <source>Lock automatically</source>
        <translation>Lås automatiskt</translation>
    </message>
    <message>
        <source>Lock Samla when it has not been used for:</source>
        <translation>Lås Samla när den inte har använts på:</translation>
    </message>
    <message numerus="yes">
        <source>%n minute(s)</source>
        <translation>
            <numerusform>%n minut</numerusform>
            <numerusform>%n minuter</numerusform>
        </translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Lösenfras</translation>
    </message>
    <message>
        <source>Change the passphrase you use to open Samla. Your recovery key stays the same.</source>
        <translation>Byt lösenfrasen som du öppnar Samla med. Din återställningsnyckel är densamma som förut.</translation>
    </message>
    <message>
        <source>Change passphrase</source>
        <translation>Byt lösenfras</translation>
    </message>
    <message>
        <source>About</source>
        <translation>Om Samla</translation>
    </message>
    <message>
        <source>Samla version %1</source>
        <translation>Samla version %1</translation>
    </message>
    <message>
        <source>Everything you write is encrypted on this device.</source>
        <translation>Allt du skriver krypteras på den här enheten.</translation>
    </message>
</context>
<context>
    <name>StartupError</name>
    <message>
        <source>Samla cannot start</source>
        <translation>Samla kan inte starta</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Stäng</translation>
    </message>
</context>
<context>
    <name>StrengthMeter</name>
    <message>
        <source>Strength: %1</source>
        <translation>Styrka: %1</translation>
    </message>
</context>
<context>
    <name>SyncScreen</name>
    <message>
        <source>Sync</source>
        <translation>Synkronisering</translation>
    </message>
    <message>
        <source>Talking to the sync server…</source>
        <translation>Kontaktar synkroniseringsservern…</translation>
    </message>
    <message>
        <source>Join a project</source>
        <translation>Anslut till ett projekt</translation>
    </message>
    <message>
        <source>Enrolment code</source>
        <translation>Anslutningskod</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Anslut</translation>
    </message>
    <message>
        <source>Joining as an administrator links the project open on this device (%1) to the server.</source>
        <translation>Ansluter du som administratör kopplas projektet som är öppet på den här enheten (%1) till servern.</translation>
    </message>
    <message>
        <source>Synced project (administrator)</source>
        <translation>Synkroniserat projekt (administratör)</translation>
    </message>
    <message>
        <source>Synced project</source>
        <translation>Synkroniserat projekt</translation>
    </message>
    <message>
        <source>Waiting for approval. Ask your administrator to approve the device %1.</source>
        <translation>Väntar på godkännande. Be din administratör att godkänna enheten %1.</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>Server</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Certifikat</translation>
    </message>
    <message>
        <source>This device</source>
        <translation>Den här enheten</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>Väntar på att skickas</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n ändring</numerusform>
            <numerusform>%n ändringar</numerusform>
        </translation>
    </message>
    <message>
        <source>Last sync</source>
        <translation>Senaste synkronisering</translation>
    </message>
    <message numerus="yes">
        <source>%n record(s) were changed on two devices at once. Both versions are kept in each record&apos;s history.</source>
        <translation>
            <numerusform>%n post ändrades på två enheter samtidigt. Båda versionerna finns kvar i postens historik.</numerusform>
            <numerusform>%n poster ändrades på två enheter samtidigt. Båda versionerna finns kvar i varje posts historik.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Synkronisera nu</translation>
    </message>
    <message>
        <source>Send what this device wrote, receive what the others wrote</source>
        <translation>Skicka det som skrivits här, ta emot det som skrivits på andra enheter</translation>
    </message>
    <message>
        <source>Devices in this project</source>
        <translation>Enheter i projektet</translation>
    </message>
    <message>
        <source>Approve only devices you recognise: compare the id with the one shown on the device.</source>
        <translation>Godkänn bara enheter du känner igen: jämför id:t med det som visas på enheten.</translation>
    </message>
    <message>
        <source>Show devices</source>
        <translation>Visa enheter</translation>
    </message>
    <message>
        <source>this device</source>
        <translation>den här enheten</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>administratör</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>borttagen</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>godkänd</translation>
    </message>
    <message>
        <source>waiting for approval</source>
        <translation>väntar på godkännande</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>Godkänn</translation>
    </message>
    <message>
        <source>Or the QR code as an image (the PNG file, or a photo of the code)</source>
        <translation>Eller QR-koden som bild (PNG-filen, eller ett foto av koden)</translation>
    </message>
    <message>
        <source>Path of the image file</source>
        <translation>Sökväg till bildfilen</translation>
    </message>
    <message>
        <source>Read the QR code and join</source>
        <translation>Läs QR-koden och anslut</translation>
    </message>
    <message>
        <source>Keep this one</source>
        <translation>Behåll den här</translation>
    </message>
    <message>
        <source>Use this one</source>
        <translation>Använd den här</translation>
    </message>
    <message numerus="yes">
        <source>Sending: %1 of %n change(s)</source>
        <translation>
            <numerusform>Skickar: %1 av %n ändring</numerusform>
            <numerusform>Skickar: %1 av %n ändringar</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to send</source>
        <translation>Inget att skicka</translation>
    </message>
    <message>
        <source>Sending changes</source>
        <translation>Skickar ändringar</translation>
    </message>
    <message numerus="yes">
        <source>Received so far: %n change(s)</source>
        <translation>
            <numerusform>Hittills mottaget: %n ändring</numerusform>
            <numerusform>Hittills mottaget: %n ändringar</numerusform>
        </translation>
    </message>
    <message>
        <source>Receiving changes</source>
        <translation>Tar emot ändringar</translation>
    </message>
    <message>
        <source>Sync automatically when the server can be reached</source>
        <translation>Synkronisera automatiskt när servern går att nå</translation>
    </message>
    <message>
        <source>Files: %1 of %2 MB</source>
        <translation>Filer: %1 av %2 MB</translation>
    </message>
    <message>
        <source>Sending and receiving files</source>
        <translation>Skickar och tar emot filer</translation>
    </message>
    <message>
        <source>data manager</source>
        <translation>dataansvarig</translation>
    </message>
    <message>
        <source>Make data manager</source>
        <translation>Gör till dataansvarig</translation>
    </message>
    <message>
        <source>Device %1 will be able to see the names, contact details and dates of birth of this project&apos;s participants, and every look-up it makes is recorded. Grant the role only to the device of a data manager named in the project&apos;s data management plan.</source>
        <translation>Enheten %1 kommer att kunna se namn, kontaktuppgifter och födelsedatum för projektets deltagare, och varje uppslagning den gör registreras. Ge rollen endast till enheten hos en dataansvarig som är namngiven i projektets datahanteringsplan.</translation>
    </message>
    <message>
        <source>Grant the data-manager role</source>
        <translation>Ge rollen som dataansvarig</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Avbryt</translation>
    </message>
    <message>
        <source>Participant&apos;s device (submits only)</source>
        <translation>Deltagarens enhet (skickar bara)</translation>
    </message>
    <message>
        <source>Your entries are sent to the research team. This device cannot read them back.</source>
        <translation>Dina anteckningar skickas till forskargruppen. Den här enheten kan inte läsa dem igen.</translation>
    </message>
    <message>
        <source>Once the research team&apos;s server has an entry, it is removed from this device, so nobody else who uses this device can read it.</source>
        <translation>När forskargruppens server har tagit emot en anteckning tas den bort från den här enheten, så att ingen annan som använder enheten kan läsa den.</translation>
    </message>
    <message>
        <source>In force now: saved %1 on %2</source>
        <translation>Gäller nu: sparad %1 på %2</translation>
    </message>
    <message>
        <source>The other version: saved %1 on %2</source>
        <translation>Den andra versionen: sparad %1 på %2</translation>
    </message>
    <message>
        <source>Mark as reviewed</source>
        <translation>Markera som granskad</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>Skicka nu</translation>
    </message>
    <message>
        <source>Send the entries written on this device</source>
        <translation>Skicka anteckningarna som skrivits på den här enheten</translation>
    </message>
    <message>
        <source>Scan the QR code with the camera</source>
        <translation>Skanna QR-koden med kameran</translation>
    </message>
    <message>
        <source>No camera found</source>
        <translation>Ingen kamera hittades</translation>
    </message>
    <message>
        <source>Stop the camera</source>
        <translation>Stäng av kameran</translation>
    </message>
    <message>
        <source>Choose the image…</source>
        <translation>Välj bilden…</translation>
    </message>
    <message>
        <source>The QR code image</source>
        <translation>Bilden med QR-koden</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Bilder (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>Your administrator gives you an enrolment code: a line of text that starts with samla-enrol:, also shown as a QR code. Paste the text here, scan the code with the camera, or open its image. Everything you write stays encrypted; the server can read none of it.</source>
        <translation>Din administratör ger dig en anslutningskod: en textrad som börjar med samla-enrol:, som också visas som en QR-kod. Klistra in texten här, skanna koden med kameran eller öppna bilden av den. Allt du skriver förblir krypterat; servern kan inte läsa något av det.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) from other devices are dated more than a day after this device&apos;s clock and wait until then. They are kept. Check this device&apos;s date and time.</source>
        <translation>
            <numerusform>%n ändring från en annan enhet är daterad mer än ett dygn efter den här enhetens klocka och väntar till dess. Den sparas. Kontrollera enhetens datum och tid.</numerusform>
            <numerusform>%n ändringar från andra enheter är daterade mer än ett dygn efter den här enhetens klocka och väntar till dess. De sparas. Kontrollera enhetens datum och tid.</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Ta bort</translation>
    </message>
    <message>
        <source>Device %1 will no longer be able to sync, and cannot join again. What it holds stays on it, but nothing written from now on reaches it: the other devices move to a new project key. Remove a device that was lost, stolen or handed on.</source>
        <translation>Enheten %1 kommer inte längre att kunna synkronisera och kan inte ansluta igen. Det som finns på den stannar där, men inget som skrivs härefter når den: de andra enheterna går över till en ny projektnyckel. Ta bort en enhet som har tappats bort, stulits eller lämnats vidare.</translation>
    </message>
    <message>
        <source>Remove the device</source>
        <translation>Ta bort enheten</translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <source>Samla is locked</source>
        <translation>Samla är låst</translation>
    </message>
    <message>
        <source>Type your passphrase to open your field notes.</source>
        <translation>Skriv din lösenfras för att öppna dina fältanteckningar.</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Lösenfras</translation>
    </message>
    <message>
        <source>Opening your data…</source>
        <translation>Öppnar dina uppgifter…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Lås upp</translation>
    </message>
    <message>
        <source>Forgot passphrase? Use recovery key</source>
        <translation>Glömt lösenfrasen? Använd återställningsnyckeln</translation>
    </message>
</context>
<context>
    <name>VaultRefusal</name>
    <message>
        <source>There is no identity register on this device yet. A data manager can create one.</source>
        <translation>Det finns inget identitetsregister på den här enheten än. En dataansvarig kan skapa ett.</translation>
    </message>
    <message>
        <source>This device has not been granted the data-manager role, so names and contact details cannot be opened here. Ask your data manager.</source>
        <translation>Den här enheten har inte fått rollen som dataansvarig, så namn och kontaktuppgifter kan inte öppnas här. Fråga den som är dataansvarig i ditt projekt.</translation>
    </message>
    <message>
        <source>This device&apos;s access to the identity register is not valid for this register. Nothing was opened. Ask your data manager to grant access again.</source>
        <translation>Enhetens behörighet gäller inte för det här identitetsregistret. Ingenting öppnades. Be den som är dataansvarig att ge enheten behörighet igen.</translation>
    </message>
    <message>
        <source>The identity register on this device is damaged and cannot be read. Nothing was changed. Contact your data manager.</source>
        <translation>Identitetsregistret på den här enheten är skadat och kan inte läsas. Ingenting har ändrats. Kontakta den som är dataansvarig i ditt projekt.</translation>
    </message>
</context>
<context>
    <name>VersionDelegate</name>
    <message>
        <source>Version %1 (current)</source>
        <translation>Version %1 (nuvarande)</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>Sparad %1</translation>
    </message>
</context>
<context>
    <name>VersionsScreen</name>
    <message>
        <source>Versions</source>
        <translation>Versioner</translation>
    </message>
    <message>
        <source>Every save is kept. Pick a version to read it. Restoring saves it again as the newest version, so nothing is lost.</source>
        <translation>Varje sparning finns kvar. Välj en version för att läsa den. Om du återställer en version sparas den som den nyaste, så ingenting går förlorat.</translation>
    </message>
    <message>
        <source>Pick a version to read it</source>
        <translation>Välj en version för att läsa den</translation>
    </message>
    <message>
        <source>Version %1, saved %2</source>
        <translation>Version %1, sparad %2</translation>
    </message>
    <message>
        <source>Restore this version</source>
        <translation>Återställ den här versionen</translation>
    </message>
</context>
<context>
    <name>samla::domain::Demo</name>
    <message>
        <source>Demo: Acute psychiatric ward, nurse–patient engagement</source>
        <translation>Demo: Akutpsykiatrisk avdelning, kontakt mellan sjuksköterska och patient</translation>
    </message>
    <message>
        <source>Demo: Care network co-production events</source>
        <translation>Demo: Samskapande träffar i ett vårdnätverk</translation>
    </message>
    <message>
        <source>Demo: Learning café</source>
        <translation>Demo: Lärcafé</translation>
    </message>
    <message>
        <source>Arrival at the café</source>
        <translation>Ankomst till caféet</translation>
    </message>
    <message>
        <source>Eight participants and two nurses. Coffee first; people sit in pairs they already know. P03 asks whether the heart-rate watch can be borrowed.</source>
        <translation>Åtta deltagare och två sjuksköterskor. Först kaffe; deltagarna sätter sig parvis med dem de redan känner. P03 frågar om pulsklockan går att låna.</translation>
    </message>
    <message>
        <source>Reflexive memo: my role</source>
        <translation>Reflexivt memo: min roll</translation>
    </message>
    <message>
        <source>I was asked twice to help with the blood pressure cuff. Note for the methods chapter: observer presence shapes who speaks first.</source>
        <translation>Jag blev ombedd två gånger att hjälpa till med blodtrycksmanschetten. Att ta med i metodkapitlet: observatörens närvaro påverkar vem som pratar först.</translation>
    </message>
    <message>
        <source>Discussion on feeling secure at home</source>
        <translation>Samtal om att känna sig trygg hemma</translation>
    </message>
    <message>
        <source>Several describe the first week after discharge as the hardest. Idea from a relative: a phone list of who to call at night.</source>
        <translation>Flera beskriver den första veckan efter utskrivningen som den svåraste. Idé från en anhörig: en telefonlista över vem man kan ringa på natten.</translation>
    </message>
    <message>
        <source>Peer support</source>
        <translation>Stöd från andra deltagare</translation>
    </message>
    <message>
        <source>Feeling secure</source>
        <translation>Känsla av trygghet</translation>
    </message>
    <message>
        <source>Information needs</source>
        <translation>Informationsbehov</translation>
    </message>
    <message>
        <source>Observer effect</source>
        <translation>Observatörens påverkan</translation>
    </message>
</context>
<context>
    <name>samla::ui::ConsentFlow</name>
    <message>
        <source>%1 (version %2)</source>
        <translation>%1 (version %2)</translation>
    </message>
    <message>
        <source>Choose a participant first.</source>
        <translation>Välj en deltagare först.</translation>
    </message>
    <message>
        <source>This project has no consent form yet.</source>
        <translation>Projektet har ingen samtyckesblankett än.</translation>
    </message>
    <message>
        <source>Read the whole text first: &quot;I agree&quot; can be tapped once you reach the end.</source>
        <translation>Läs hela texten först: ”Jag samtycker” går att trycka på när du har kommit till slutet.</translation>
    </message>
    <message>
        <source>Taking part needs a yes to: %1. If the answer is no, the participant cannot take part: stop here and thank them.</source>
        <translation>För att delta krävs ja till: %1. Om svaret är nej kan deltagaren inte delta: avsluta här och tacka deltagaren.</translation>
    </message>
    <message>
        <source>Is the child Gillick competent?</source>
        <translation>Är barnet Gillick-kompetent?</translation>
    </message>
    <message>
        <source>Does the young person understand what consent means?</source>
        <translation>Förstår den unga personen vad samtycket innebär?</translation>
    </message>
    <message>
        <source>An adult who cannot consent: the consultee route</source>
        <translation>En vuxen som inte kan samtycka: samtycke via företrädare</translation>
    </message>
    <message>
        <source>Under 16 in England a parent consents, and a child who is Gillick competent consents as well. Talk it through in words the child uses and ask them to tell it back in their own words. A competent child:
• understands what taking part involves
• understands its risks and benefits
• knows they can say no, and stop at any time, without anything bad happening
• can weigh this up, and
• can communicate a decision.
If not, the parent consents and the child&apos;s assent is sought; the child&apos;s no is respected.</source>
        <translation>Under 16 år i England samtycker en förälder, och ett barn som är Gillick-kompetent samtycker också självt. Gå igenom studien med barnets egna ord och be barnet berätta tillbaka med sina egna ord. Ett kompetent barn:
• förstår vad det innebär att delta
• förstår risker och fördelar
• vet att det kan säga nej, och sluta när som helst, utan att något dåligt händer
• kan väga detta mot varandra, och
• kan uttrycka ett beslut.
Annars samtycker föräldern och barnets eget medgivande efterfrågas; barnets nej respekteras.</translation>
    </message>
    <message>
        <source>In Sweden a 15 to 17-year-old who understands what the research means for them consents alone; otherwise the guardians consent and the young person&apos;s wishes are respected. Ask them to tell you in their own words:
• what the study is about and what taking part involves
• that taking part is voluntary
• that they can stop at any time without giving a reason.</source>
        <translation>I Sverige samtycker en person som är 15 till 17 år och inser vad forskningen innebär för hen själv; annars samtycker vårdnadshavarna och den unga personens vilja respekteras. Be personen berätta med egna ord:
• vad studien handlar om och vad det innebär att delta
• att det är frivilligt att delta
• att hen kan sluta när som helst utan att säga varför.</translation>
    </message>
    <message>
        <source>An adult who cannot consent may take part only in a study approved for it, with a consultee&apos;s advice (England: Mental Capacity Act 2005, from 16).
• A personal consultee knows the person, such as family or a friend, and is not paid to care for them. If there is nobody, a nominated consultee independent of the study.
• Ask what the person&apos;s own wishes and feelings would be, not what the consultee wants.
• If the consultee advises that the person would not want to take part, do not enrol them: record that advice with the button below.
• Any sign of objection later means they leave the study: record dissent at once.
• If the person regains capacity, ask for their own consent.</source>
        <translation>En vuxen som inte kan samtycka får delta bara i en studie som är godkänd för det, med råd från en företrädare (England: Mental Capacity Act 2005, från 16 år).
• En personlig företrädare känner personen, till exempel en anhörig eller vän, och får inte betalt för att vårda hen. Finns ingen sådan, en utsedd företrädare som är oberoende av studien.
• Fråga vad personen själv skulle ha velat och känt, inte vad företrädaren vill.
• Om företrädaren säger att personen inte skulle vilja delta, ta inte med personen: registrera rådet med knappen nedan.
• Varje tecken på motstånd senare innebär att personen lämnar studien: registrera det genast.
• Om personen återfår förmågan att samtycka, be om personens eget samtycke.</translation>
    </message>
    <message>
        <source>Record your assessment first: is the child Gillick competent?</source>
        <translation>Registrera först din bedömning: är barnet Gillick-kompetent?</translation>
    </message>
    <message>
        <source>Record your assessment first: does the young person understand what consent means?</source>
        <translation>Registrera först din bedömning: förstår den unga personen vad samtycket innebär?</translation>
    </message>
    <message>
        <source>You assessed that the participant cannot consent for themselves. Choose a parent or guardian to consent, with the participant&apos;s assent.</source>
        <translation>Du har bedömt att deltagaren inte kan samtycka själv. Välj att en förälder eller vårdnadshavare samtycker, med deltagarens medgivande.</translation>
    </message>
    <message>
        <source>An adult who cannot consent: research under the Ethical Review Act, 22 §</source>
        <translation>En vuxen som inte kan samtycka: forskning enligt etikprövningslagen 22 §</translation>
    </message>
    <message>
        <source>In Sweden an adult who cannot give consent, because of illness, a mental disorder, weakened health or a similar condition, may take part only if the ethical approval covers it (Ethical Review Act (2003:460), 22 §).
• The research must be expected to give knowledge that cannot be gained with people who can consent, and to benefit the person or others with the same condition, with only a minor risk and minor discomfort.
• The person&apos;s closest relatives, and a guardian (god man or förvaltare) if there is one, must be told about the research and may say no. If any of them says no, do not enrol the person: record it with the button below.
• Tell the person themselves as far as they can take it in. If they show in any way that they do not want to take part, they do not take part, or they leave: record dissent at once.
• If the person becomes able to consent, ask for their own consent.</source>
        <translation>I Sverige får en vuxen som inte kan samtycka på grund av sjukdom, psykisk störning, försvagat hälsotillstånd eller liknande delta bara om etikprövningsgodkännandet omfattar det (etikprövningslagen (2003:460) 22 §).
• Forskningen ska kunna väntas ge kunskap som inte går att få med personer som kan samtycka, och vara till nytta för personen eller för andra med samma tillstånd, med bara obetydlig risk och obetydligt obehag.
• Personens närmaste anhöriga, och god man eller förvaltare om sådan finns, ska informeras om forskningen och får säga nej. Säger någon av dem nej tas personen inte med: registrera det med knappen nedan.
• Informera personen själv så långt hen kan ta det till sig. Visar personen på något sätt att hen inte vill delta, deltar hen inte eller lämnar studien: registrera avböjandet direkt.
• Om personen blir kapabel att samtycka, be om hens eget samtycke.</translation>
    </message>
    <message>
        <source>A relative or the guardian says no</source>
        <translation>En anhörig eller god man/förvaltare säger nej</translation>
    </message>
    <message>
        <source>The consultee advises against taking part</source>
        <translation>Företrädaren avråder från deltagande</translation>
    </message>
    <message>
        <source>The participant cannot consent for themselves: their closest relatives, and a guardian if there is one, are told about the study and may say no.</source>
        <translation>Deltagaren kan inte samtycka själv: de närmaste anhöriga, och god man eller förvaltare om sådan finns, informeras om studien och får säga nej.</translation>
    </message>
</context>
<context>
    <name>samla::ui::ConsentFormEditor</name>
    <message>
        <source>Untitled consent form</source>
        <translation>Namnlös samtyckesblankett</translation>
    </message>
    <message>
        <source>in Swedish</source>
        <translation>på svenska</translation>
    </message>
    <message>
        <source>in English</source>
        <translation>på engelska</translation>
    </message>
    <message>
        <source>in “%1”</source>
        <translation>på ”%1”</translation>
    </message>
    <message>
        <source>Write the title %1.</source>
        <translation>Skriv titeln %1.</translation>
    </message>
    <message>
        <source>Write the information text %1.</source>
        <translation>Skriv informationstexten %1.</translation>
    </message>
    <message>
        <source>A consent form needs at least one item. Add one below.</source>
        <translation>En samtyckesblankett behöver minst en punkt. Lägg till en nedan.</translation>
    </message>
    <message>
        <source>Use 1 to 40 of a–z, 0–9 and _ for the item&apos;s id, for example audio.</source>
        <translation>Använd 1 till 40 av a–z, 0–9 och _ i punktens id, till exempel audio.</translation>
    </message>
    <message>
        <source>An item above already has the id “%1”. Each item needs its own id.</source>
        <translation>En punkt ovanför har redan id:t ”%1”. Varje punkt behöver ett eget id.</translation>
    </message>
    <message>
        <source>Write what the participant agrees to %1.</source>
        <translation>Skriv vad deltagaren samtycker till %1.</translation>
    </message>
    <message numerus="yes">
        <source>Not published: %n problem(s) to fix, marked beside the fields. Nothing you wrote is lost.</source>
        <translation>
            <numerusform>Inte publicerat: %n problem att rätta, markerat vid fältet. Inget du skrivit har gått förlorat.</numerusform>
            <numerusform>Inte publicerat: %n problem att rätta, markerade vid fälten. Inget du skrivit har gått förlorat.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing has changed since version %1, so no new version was made.</source>
        <translation>Inget har ändrats sedan version %1, så ingen ny version skapades.</translation>
    </message>
    <message>
        <source>Not published: %1</source>
        <translation>Inte publicerat: %1</translation>
    </message>
    <message>
        <source>Published as version %1 (content hash %2). Consents already given keep the text they were given with.</source>
        <translation>Publicerat som version %1 (innehållshash %2). Samtycken som redan getts behåller texten de gavs med.</translation>
    </message>
    <message>
        <source>The form has no consent items. A form needs at least one.</source>
        <translation>Blanketten har inga samtyckespunkter. En blankett behöver minst en.</translation>
    </message>
    <message>
        <source>The item id “%1” cannot be used: use 1 to 40 of a–z, 0–9 and _.</source>
        <translation>Id:t ”%1” kan inte användas: använd 1 till 40 av a–z, 0–9 och _.</translation>
    </message>
    <message>
        <source>Two items have the id “%1”. Each item needs its own id.</source>
        <translation>Två punkter har id:t ”%1”. Varje punkt behöver ett eget id.</translation>
    </message>
    <message>
        <source>The language “%1” is not one Samla has: use sv or en.</source>
        <translation>Språket ”%1” finns inte i Samla: använd sv eller en.</translation>
    </message>
    <message>
        <source>No language has a title, an information text and a text for every item.</source>
        <translation>Inget språk har en titel, en informationstext och en text för varje punkt.</translation>
    </message>
    <message>
        <source>The text %1 is incomplete: the title, the information and every item need it.</source>
        <translation>Texten %1 är ofullständig: titeln, informationen och varje punkt behöver den.</translation>
    </message>
    <message>
        <source>Item “%1” has text %2, but the rest of the form does not.</source>
        <translation>Punkten ”%1” har text %2, men resten av blanketten har det inte.</translation>
    </message>
    <message>
        <source>“title” and “information” must each give a text per language, e.g. {&quot;sv&quot;: …, &quot;en&quot;: …}.</source>
        <translation>”title” och ”information” måste var för sig ge en text per språk, t.ex. {&quot;sv&quot;: …, &quot;en&quot;: …}.</translation>
    </message>
    <message>
        <source>“items” must be a list of consent items.</source>
        <translation>”items” måste vara en lista med samtyckespunkter.</translation>
    </message>
    <message>
        <source>Item “%1” names the activity “%2”, which Samla does not know. Use one of: %3.</source>
        <translation>Punkten ”%1” anger aktiviteten ”%2”, som Samla inte känner till. Använd en av: %3.</translation>
    </message>
    <message>
        <source>Item “%1”: “required” must be true or false.</source>
        <translation>Punkten ”%1”: ”required” måste vara true eller false.</translation>
    </message>
    <message>
        <source>Item “%1”: “text” must give a text per language.</source>
        <translation>Punkten ”%1”: ”text” måste ge en text per språk.</translation>
    </message>
    <message>
        <source>The content is not a consent form Samla can use.</source>
        <translation>Innehållet är inte en samtyckesblankett som Samla kan använda.</translation>
    </message>
    <message>
        <source>There is no file at %1. Check the path and try again.</source>
        <translation>Det finns ingen fil på %1. Kontrollera sökvägen och försök igen.</translation>
    </message>
    <message>
        <source>%1 is too large to be a consent form (over 1 MB).</source>
        <translation>%1 är för stor för att vara en samtyckesblankett (över 1 MB).</translation>
    </message>
    <message>
        <source>%1 could not be read. Check that Samla may open it and try again.</source>
        <translation>%1 kunde inte läsas. Kontrollera att Samla får öppna filen och försök igen.</translation>
    </message>
    <message>
        <source>%1 is not valid JSON: there is a mistake on line %2. Nothing was imported.</source>
        <translation>%1 är inte giltig JSON: det finns ett fel på rad %2. Inget importerades.</translation>
    </message>
    <message>
        <source>%1 is not a consent form: it should be one JSON object with title, information and items.</source>
        <translation>%1 är inte en samtyckesblankett: den ska vara ett JSON-objekt med title, information och items.</translation>
    </message>
    <message>
        <source>%1 was not imported: %2</source>
        <translation>%1 importerades inte: %2</translation>
    </message>
    <message>
        <source>This form is already here: “%1”, version %2. Nothing was imported.</source>
        <translation>Blanketten finns redan här: ”%1”, version %2. Inget importerades.</translation>
    </message>
    <message>
        <source>Imported “%1” as a new consent form, version 1 (content hash %2).</source>
        <translation>”%1” importerades som en ny samtyckesblankett, version 1 (innehållshash %2).</translation>
    </message>
    <message>
        <source>The form could not be saved in %1. Check that the folder exists and can be written to.</source>
        <translation>Blanketten kunde inte sparas i %1. Kontrollera att mappen finns och går att skriva till.</translation>
    </message>
    <message>
        <source>Version %1 saved as %2. Another project can import it.</source>
        <translation>Version %1 sparades som %2. Ett annat projekt kan importera den.</translation>
    </message>
    <message>
        <source>This version&apos;s text no longer matches its content hash: it was changed outside Samla, so it is not shown.</source>
        <translation>Versionens text stämmer inte längre med dess innehållshash: den har ändrats utanför Samla och visas därför inte.</translation>
    </message>
</context>
<context>
    <name>samla::ui::ConsentTimelineModel</name>
    <message>
        <source>Advised that the person would not want to take part.</source>
        <translation>Meddelade att personen inte skulle vilja delta.</translation>
    </message>
    <message>
        <source>Yes to: %1</source>
        <translation>Ja till: %1</translation>
    </message>
    <message>
        <source>No to: %1</source>
        <translation>Nej till: %1</translation>
    </message>
    <message>
        <source>Form %1, %2</source>
        <translation>Blankett %1, %2</translation>
    </message>
    <message>
        <source>Witness: %1</source>
        <translation>Vittne: %1</translation>
    </message>
    <message>
        <source>Outcome: %1</source>
        <translation>Resultat: %1</translation>
    </message>
    <message>
        <source>During: %1</source>
        <translation>Under: %1</translation>
    </message>
    <message>
        <source>Scope: %1</source>
        <translation>Omfattning: %1</translation>
    </message>
    <message>
        <source>Re-joined the study after withdrawing.</source>
        <translation>Gick med i studien igen efter att ha avbrutit.</translation>
    </message>
    <message>
        <source>Recorded by %1</source>
        <translation>Registrerat av %1</translation>
    </message>
    <message>
        <source>Assessed as Gillick competent</source>
        <translation>Bedömd som Gillick-kompetent</translation>
    </message>
    <message>
        <source>Assessed as understanding what consent means</source>
        <translation>Bedömd att förstå vad samtycket innebär</translation>
    </message>
    <message>
        <source>Assessed as not Gillick competent</source>
        <translation>Bedömd som inte Gillick-kompetent</translation>
    </message>
    <message>
        <source>Assessed as not understanding what consent means</source>
        <translation>Bedömd att inte förstå vad samtycket innebär</translation>
    </message>
</context>
<context>
    <name>samla::ui::IdentityAuditModel</name>
    <message>
        <source>%1 (this device)</source>
        <translation>%1 (den här enheten)</translation>
    </message>
    <message>
        <source>(erased participant)</source>
        <translation>(raderad deltagare)</translation>
    </message>
</context>
<context>
    <name>samla::ui::IdentityLookup</name>
    <message>
        <source>Other (%1)</source>
        <translation>Annat (%1)</translation>
    </message>
    <message>
        <source>To contact the participant</source>
        <translation>För att kontakta deltagaren</translation>
    </message>
    <message>
        <source>To ask for consent again</source>
        <translation>För att be om samtycke igen</translation>
    </message>
    <message>
        <source>A request to see their data (subject access)</source>
        <translation>En begäran om att få se sina uppgifter (registerutdrag)</translation>
    </message>
    <message>
        <source>A request to erase their data</source>
        <translation>En begäran om att radera sina uppgifter</translation>
    </message>
    <message>
        <source>Data management (checking or correcting the register)</source>
        <translation>Datahantering (kontroll eller rättelse av registret)</translation>
    </message>
    <message>
        <source>This look-up was recorded in the audit log: this device, %1, participant %2, purpose: %3. The details are cleared when you leave this screen or Samla locks.</source>
        <translation>Uppslagningen har registrerats i granskningsloggen: den här enheten, %1, deltagare %2, syfte: %3. Uppgifterna tas bort från skärmen när du lämnar den eller när Samla låses.</translation>
    </message>
    <message>
        <source>Choose why you need to see who this is. The reason is recorded.</source>
        <translation>Välj varför du behöver se vem det här är. Skälet registreras.</translation>
    </message>
    <message>
        <source>The identity register holds no name for this participant: they were enrolled with the code only, or their identity was erased.</source>
        <translation>Identitetsregistret har inget namn för den här deltagaren: deltagaren registrerades med enbart kod, eller så har identiteten raderats.</translation>
    </message>
    <message>
        <source>No device of this project holds the identity register here.</source>
        <translation>Ingen enhet i det här projektet har identitetsregistret här.</translation>
    </message>
    <message>
        <source>%1 (this device)</source>
        <translation>%1 (den här enheten)</translation>
    </message>
    <message>
        <source>granted by %1 on %2</source>
        <translation>tilldelad av %1 den %2</translation>
    </message>
    <message>
        <source>Devices with the data-manager role: %1</source>
        <translation>Enheter med rollen som dataansvarig: %1</translation>
    </message>
</context>
<context>
    <name>samla::ui::NoteDetailsForm</name>
    <message>
        <source>Field note (descriptive)</source>
        <translation>Fältanteckning (beskrivande)</translation>
    </message>
    <message>
        <source>Reflexive memo</source>
        <translation>Reflexivt memo</translation>
    </message>
    <message>
        <source>Analytic memo</source>
        <translation>Analytiskt memo</translation>
    </message>
    <message>
        <source>Methodological memo</source>
        <translation>Metodologiskt memo</translation>
    </message>
    <message>
        <source>No particular site</source>
        <translation>Ingen särskild plats</translation>
    </message>
    <message>
        <source>Saved as a new version of the note.</source>
        <translation>Sparat som en ny version av anteckningen.</translation>
    </message>
</context>
<context>
    <name>samla::ui::NoteEditor</name>
    <message>
        <source>Unsaved changes</source>
        <translation>Osparade ändringar</translation>
    </message>
    <message>
        <source>New note, not saved yet</source>
        <translation>Ny anteckning, inte sparad än</translation>
    </message>
    <message>
        <source>Saved: version %1, %2</source>
        <translation>Sparad: version %1, %2</translation>
    </message>
</context>
<context>
    <name>samla::ui::NoteMedia</name>
    <message>
        <source>There is no file at that path. Check the path and try again.</source>
        <translation>Det finns ingen fil på den sökvägen. Kontrollera sökvägen och försök igen.</translation>
    </message>
    <message>
        <source>That file is not a JPEG or PNG photo. Choose a photo in one of those formats.</source>
        <translation>Filen är inte ett foto i JPEG- eller PNG-format. Välj ett foto i något av de formaten.</translation>
    </message>
    <message>
        <source>This attachment could not be opened: its file is damaged. The note itself is safe.</source>
        <translation>Bilagan kunde inte öppnas: filen är skadad. Själva anteckningen är oskadd.</translation>
    </message>
    <message>
        <source>Take photo</source>
        <translation>Ta foto</translation>
    </message>
    <message>
        <source>No camera found</source>
        <translation>Ingen kamera hittades</translation>
    </message>
    <message>
        <source>Record audio</source>
        <translation>Spela in ljud</translation>
    </message>
    <message>
        <source>No microphone found</source>
        <translation>Ingen mikrofon hittades</translation>
    </message>
    <message>
        <source>Write a title or a few words first, then add photos and recordings.</source>
        <translation>Skriv en rubrik eller några ord först och lägg sedan till foton och inspelningar.</translation>
    </message>
    <message>
        <source>An attachment of this note is missing on this device; the note itself is safe.</source>
        <translation>En bilaga till anteckningen saknas på den här enheten; själva anteckningen är oskadd.</translation>
    </message>
    <message>
        <source>An attachment of this note is damaged and cannot be opened; the note itself is safe.</source>
        <translation>En bilaga till anteckningen är skadad och kan inte öppnas; själva anteckningen är oskadd.</translation>
    </message>
    <message>
        <source>No microphone found. Connect one and try again.</source>
        <translation>Ingen mikrofon hittades. Anslut en och försök igen.</translation>
    </message>
    <message>
        <source>The microphone could not be started. Check that no other app is using it.</source>
        <translation>Mikrofonen kunde inte startas. Kontrollera att ingen annan app använder den.</translation>
    </message>
    <message>
        <source>Recording saved (%1).</source>
        <translation>Inspelningen sparades (%1).</translation>
    </message>
    <message>
        <source>Recording discarded.</source>
        <translation>Inspelningen kastades.</translation>
    </message>
    <message>
        <source>No camera found. Add a photo from a file instead.</source>
        <translation>Ingen kamera hittades. Lägg till ett foto från en fil i stället.</translation>
    </message>
    <message>
        <source>The camera could not take a photo. Try again.</source>
        <translation>Kameran kunde inte ta något foto. Försök igen.</translation>
    </message>
    <message>
        <source>The camera could not be opened. Check that no other app is using it.</source>
        <translation>Kameran kunde inte öppnas. Kontrollera att ingen annan app använder den.</translation>
    </message>
    <message>
        <source>The camera is not ready yet. Try again in a moment.</source>
        <translation>Kameran är inte redo än. Försök igen om en stund.</translation>
    </message>
    <message>
        <source>Photo added to the note.</source>
        <translation>Fotot lades till i anteckningen.</translation>
    </message>
    <message>
        <source>Type the path of a photo file first.</source>
        <translation>Skriv först sökvägen till en fotofil.</translation>
    </message>
    <message>
        <source>Photo added to the note. The file you chose was not changed.</source>
        <translation>Fotot lades till i anteckningen. Filen du valde ändrades inte.</translation>
    </message>
    <message>
        <source>No audio output found: the recording cannot be played on this device.</source>
        <translation>Ingen ljudutgång hittades: inspelningen kan inte spelas upp på den här enheten.</translation>
    </message>
    <message>
        <source>Attachment removed. Earlier versions of the note still list it.</source>
        <translation>Bilagan togs bort. Tidigare versioner av anteckningen listar den fortfarande.</translation>
    </message>
    <message>
        <source>Recording, %1</source>
        <translation>Inspelning, %1</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>The file of this attachment is missing on this device.</source>
        <translation>Filen för den här bilagan saknas på den här enheten.</translation>
    </message>
    <message>
        <source>This recording cannot be played: its file is damaged.</source>
        <translation>Inspelningen kan inte spelas upp: filen är skadad.</translation>
    </message>
    <message>
        <source>This photo cannot be shown: its file is damaged.</source>
        <translation>Fotot kan inte visas: filen är skadad.</translation>
    </message>
</context>
<context>
    <name>samla::ui::Notebook</name>
    <message>
        <source>Saved to the notes at %1.</source>
        <translation>Sparad bland anteckningarna kl. %1.</translation>
    </message>
    <message>
        <source>Quick note %1</source>
        <translation>Snabbanteckning %1</translation>
    </message>
    <message>
        <source>The notes could not be exported to %1: the disk is full. Nothing was saved. Free some space or choose another folder, then try again.</source>
        <translation>Anteckningarna kunde inte exporteras till %1: disken är full. Inget sparades. Frigör utrymme eller välj en annan mapp och försök sedan igen.</translation>
    </message>
    <message>
        <source>The notes could not be exported to %1: that folder cannot be written to. Nothing was saved. Choose another folder, then try again.</source>
        <translation>Anteckningarna kunde inte exporteras till %1: det går inte att skriva i den mappen. Inget sparades. Välj en annan mapp och försök sedan igen.</translation>
    </message>
    <message>
        <source>The notes could not be exported to %1. Nothing was saved. Check that the folder exists and can be written to, then try again.</source>
        <translation>Anteckningarna kunde inte exporteras till %1. Inget sparades. Kontrollera att mappen finns och att det går att skriva i den, och försök sedan igen.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n note(s) and memo(s) to %1 as a REFI-QDA project for NVivo, ATLAS.ti, MAXQDA or QualCoder.</source>
        <translation>
            <numerusform>%n anteckning eller memo exporterades till %1 som ett REFI-QDA-projekt för NVivo, ATLAS.ti, MAXQDA eller QualCoder.</numerusform>
            <numerusform>%n anteckningar och memon exporterades till %1 som ett REFI-QDA-projekt för NVivo, ATLAS.ti, MAXQDA eller QualCoder.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n participant(s) appear as cases, by code. The file is not encrypted: it holds participant codes, never names.</source>
        <translation>
            <numerusform>%n deltagare finns med som fall, med sin kod. Filen är inte krypterad: den innehåller deltagarkoder, aldrig namn.</numerusform>
            <numerusform>%n deltagare finns med som fall, med sina koder. Filen är inte krypterad: den innehåller deltagarkoder, aldrig namn.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n participant(s) asked for their data to be removed, so they and the notes about them (%1) were left out.</source>
        <translation>
            <numerusform>%n deltagare har bett att deras data tas bort, så deltagaren och anteckningarna om hen (%1) togs inte med.</numerusform>
            <numerusform>%n deltagare har bett att deras data tas bort, så de och anteckningarna om dem (%1) togs inte med.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>samla::ui::NotesModel</name>
    <message>
        <source>Untitled note</source>
        <translation>Anteckning utan rubrik</translation>
    </message>
</context>
<context>
    <name>samla::ui::ObservationAgreement</name>
    <message>
        <source>%1, %2, coded by %3</source>
        <translation>%1, %2, kodad av %3</translation>
    </message>
    <message>
        <source>Coded by %1</source>
        <translation>Kodad av %1</translation>
    </message>
    <message>
        <source>A: %1</source>
        <translation>A: %1</translation>
    </message>
    <message>
        <source>B: %1</source>
        <translation>B: %1</translation>
    </message>
    <message>
        <source>Time slices</source>
        <translation>Tidsintervall</translation>
    </message>
    <message>
        <source>Matched events</source>
        <translation>Matchade händelser</translation>
    </message>
    <message>
        <source>Cannot be computed</source>
        <translation>Kan inte beräknas</translation>
    </message>
    <message>
        <source>Both observers used one category only, so chance agreement is complete.</source>
        <translation>Båda observatörerna använde bara en kategori, så den slumpmässiga överensstämmelsen är fullständig.</translation>
    </message>
    <message>
        <source>Cohen&apos;s kappa (unweighted)</source>
        <translation>Cohens kappa (oviktad)</translation>
    </message>
    <message>
        <source>Observed agreement %1, chance agreement %2</source>
        <translation>Observerad överensstämmelse %1, slumpmässig överensstämmelse %2</translation>
    </message>
    <message>
        <source>Weighted kappa, linear weights</source>
        <translation>Viktad kappa, linjära vikter</translation>
    </message>
    <message numerus="yes">
        <source>Over %n unit(s) both observers coded</source>
        <translation>
            <numerusform>Över %n enhet som båda observatörerna kodade</numerusform>
            <numerusform>Över %n enheter som båda observatörerna kodade</numerusform>
        </translation>
    </message>
    <message>
        <source>Weighted kappa, quadratic weights</source>
        <translation>Viktad kappa, kvadratiska vikter</translation>
    </message>
    <message>
        <source>Percentage agreement</source>
        <translation>Procentuell överensstämmelse</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Units where both observers coded the same, or both coded nothing</source>
        <translation>Enheter där båda observatörerna kodade samma sak, eller båda inget</translation>
    </message>
    <message>
        <source>ICC(2,1) of event counts</source>
        <translation>ICC(2,1) för antal händelser</translation>
    </message>
    <message numerus="yes">
        <source>Counts in %n time slice(s)</source>
        <translation>
            <numerusform>Antal i %n tidsintervall</numerusform>
            <numerusform>Antal i %n tidsintervall</numerusform>
        </translation>
    </message>
    <message>
        <source>The counts do not vary between slices, so ICC cannot be computed.</source>
        <translation>Antalen varierar inte mellan intervallen, så ICC kan inte beräknas.</translation>
    </message>
    <message>
        <source>Units compared</source>
        <translation>Jämförda enheter</translation>
    </message>
    <message numerus="yes">
        <source>%n slice(s) left out</source>
        <translation>
            <numerusform>%n intervall uteslutet</numerusform>
            <numerusform>%n intervall uteslutna</numerusform>
        </translation>
    </message>
    <message>
        <source>Event pairs, including unmatched events</source>
        <translation>Händelsepar, inklusive händelser utan motsvarighet</translation>
    </message>
    <message>
        <source>Compared: %1 of observation both sessions share, between %2 and %3 on the devices&apos; clocks (UTC lines the two devices up); time either observer paused is left out.</source>
        <translation>Jämfört: %1 observation som båda sessionerna delar, mellan %2 och %3 enligt enheternas klockor (UTC samordnar de två enheterna); tid då någon av observatörerna pausade är utesluten.</translation>
    </message>
    <message>
        <source>Categories compared, in order: %1</source>
        <translation>Jämförda kategorier, i ordning: %1</translation>
    </message>
    <message>
        <source>Categories compared: %1</source>
        <translation>Jämförda kategorier: %1</translation>
    </message>
    <message>
        <source>Choose two sessions that can be compared first.</source>
        <translation>Välj först två sessioner som kan jämföras.</translation>
    </message>
    <message>
        <source>Marked as a paired-observer pair. It is listed under Marked pairs.</source>
        <translation>Markerat som observatörspar. Det finns under Markerade par.</translation>
    </message>
    <message>
        <source>The pair is no longer marked. Both sessions are unchanged.</source>
        <translation>Paret är inte längre markerat. Båda sessionerna är oförändrade.</translation>
    </message>
</context>
<context>
    <name>samla::ui::ObservationCorrection</name>
    <message>
        <source>&quot;%1&quot; is missing or not one of the allowed values.</source>
        <translation>”%1” saknas eller är inte ett av de tillåtna värdena.</translation>
    </message>
    <message>
        <source>Coded live, finalised</source>
        <translation>Kodad live, slutförd</translation>
    </message>
    <message>
        <source>Coded by %1 · started %2 · finalised %3</source>
        <translation>Kodad av %1 · startad %2 · slutförd %3</translation>
    </message>
    <message>
        <source>Coded by %1 · started %2</source>
        <translation>Kodad av %1 · startad %2</translation>
    </message>
    <message>
        <source>Correction, finalised</source>
        <translation>Rättelse, slutförd</translation>
    </message>
    <message>
        <source>Correction not finished</source>
        <translation>Rättelse inte klar</translation>
    </message>
    <message>
        <source>Corrected by %1 · begun %2 · finalised %3</source>
        <translation>Rättad av %1 · påbörjad %2 · slutförd %3</translation>
    </message>
    <message>
        <source>Corrected by %1 · begun %2 · not finalised yet</source>
        <translation>Rättad av %1 · påbörjad %2 · inte slutförd än</translation>
    </message>
    <message>
        <source>Version %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>Skäl: %1</translation>
    </message>
    <message>
        <source>This is version %1, kept unchanged as it was finalised. A correction replaced it: version %2 is the record that summaries, exports and agreement use.</source>
        <translation>Detta är version %1, oförändrad sedan den slutfördes. En rättelse har ersatt den: version %2 är den som gäller och som sammanfattningar, exporter och överensstämmelse använder.</translation>
    </message>
    <message>
        <source>Corrected (version %1). Earlier versions stay unchanged and can be opened below.</source>
        <translation>Rättad (version %1). Tidigare versioner är oförändrade och kan öppnas nedan.</translation>
    </message>
    <message>
        <source>The correction was discarded. The session is as it was before.</source>
        <translation>Rättelsen kastades. Sessionen är som den var innan.</translation>
    </message>
    <message>
        <source>Correcting %1: version %2</source>
        <translation>Rättar %1: version %2</translation>
    </message>
    <message>
        <source>Reason: %1 (corrected by %2)</source>
        <translation>Skäl: %1 (rättad av %2)</translation>
    </message>
    <message>
        <source>Observed %1 (pauses left out), from %2 to %3 by the clock. Changes are saved as you make them; the finalised version stays unchanged until you finalise this correction.</source>
        <translation>Observerad tid %1 (pauser oräknade), från %2 till %3 enligt klockan. Ändringar sparas när du gör dem; den slutförda versionen är oförändrad tills du slutför den här rättelsen.</translation>
    </message>
    <message>
        <source>No end: it runs to the end of the session and is flagged for review. Add its end, or remove it.</source>
        <translation>Inget slut: tillståndet pågår till sessionens slut och markeras för granskning. Lägg till dess slut eller ta bort det.</translation>
    </message>
    <message>
        <source>This end has no start now, so it ends nothing. Remove it.</source>
        <translation>Det här slutet har ingen start längre och avslutar därför ingenting. Ta bort det.</translation>
    </message>
    <message numerus="yes">
        <source>%n state event(s) lost their partner in this correction: see the marked rows.</source>
        <translation>
            <numerusform>%n tillståndshändelse har förlorat sin motsvarighet i den här rättelsen: se de markerade raderna.</numerusform>
            <numerusform>%n tillståndshändelser har förlorat sin motsvarighet i den här rättelsen: se de markerade raderna.</numerusform>
        </translation>
    </message>
    <message>
        <source>Removed from this correction. The finalised version still has it.</source>
        <translation>Borttagen i den här rättelsen. Den slutförda versionen har den kvar.</translation>
    </message>
    <message>
        <source>Add a missed event</source>
        <translation>Lägg till en missad händelse</translation>
    </message>
    <message>
        <source>Change the event at %1 (%2)</source>
        <translation>Ändra händelsen vid %1 (%2)</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Anteckning</translation>
    </message>
    <message>
        <source>No subject</source>
        <translation>Inget subjekt</translation>
    </message>
    <message>
        <source>Objected to being observed during this session: cannot be tagged.</source>
        <translation>Motsatte sig att observeras under sessionen: kan inte taggas.</translation>
    </message>
    <message>
        <source>%1 cannot be tagged: %2</source>
        <translation>%1 kan inte taggas: %2</translation>
    </message>
    <message>
        <source>The time of day by the clock, as hours and minutes (10:42) or with seconds (10:42:30). A time while the session was paused is refused: nothing was observed then.</source>
        <translation>Klockslaget, som timmar och minuter (10:42) eller med sekunder (10:42:30). En tid då sessionen var pausad godtas inte: inget observerades då.</translation>
    </message>
    <message>
        <source>Write when the missed event happened first.</source>
        <translation>Skriv först när den missade händelsen inträffade.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time. Write minutes and seconds, e.g. 12:30, or hours, minutes and seconds, e.g. 1:05:00.</source>
        <translation>”%1” är ingen tid. Skriv minuter och sekunder, t.ex. 12:30, eller timmar, minuter och sekunder, t.ex. 1:05:00.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time of day. Write hours and minutes, e.g. 10:42, or with seconds, 10:42:30.</source>
        <translation>”%1” är inget klockslag. Skriv timmar och minuter, t.ex. 10:42, eller med sekunder, 10:42:30.</translation>
    </message>
    <message>
        <source>The session was paused from %1 to %2, so nothing was observed at %3. Choose a time before or after the pause.</source>
        <translation>Sessionen var pausad från %1 till %2, så inget observerades kl. %3. Välj en tid före eller efter pausen.</translation>
    </message>
    <message>
        <source>%1 is before the session started at %2. Choose a time after that.</source>
        <translation>%1 är innan sessionen startade kl. %2. Välj en tid efter det.</translation>
    </message>
    <message>
        <source>%1 is after the session stopped at %2. Choose a time before that.</source>
        <translation>%1 är efter att sessionen stoppades kl. %2. Välj en tid före det.</translation>
    </message>
    <message>
        <source>Changed. It keeps its time; the version being corrected stays as it was.</source>
        <translation>Ändrad. Den behåller sin tid; versionen som rättas är oförändrad.</translation>
    </message>
    <message>
        <source>The end is before the start. Write an end time after the start.</source>
        <translation>Slutet är före starten. Skriv en sluttid efter starten.</translation>
    </message>
    <message>
        <source>Added at its time in the list.</source>
        <translation>Tillagd vid sin tid i listan.</translation>
    </message>
    <message>
        <source>Correction finalised: version %1 is now the record. The earlier versions stay unchanged.</source>
        <translation>Rättelsen är slutförd: version %1 är nu den som gäller. De tidigare versionerna är oförändrade.</translation>
    </message>
    <message>
        <source>(added in this correction)</source>
        <translation>(tillagd i den här rättelsen)</translation>
    </message>
    <message>
        <source>(changed in this correction)</source>
        <translation>(ändrad i den här rättelsen)</translation>
    </message>
    <message>
        <source>Observed time as the list shows it, minutes and seconds (12:30) or hours, minutes and seconds (1:05:00), from 00:00 to %1.</source>
        <translation>Observerad tid som listan visar den, minuter och sekunder (12:30) eller timmar, minuter och sekunder (1:05:00), från 00:00 till %1.</translation>
    </message>
    <message>
        <source>%1 is after the end of the session: it observed %2 in all. Choose a time from 00:00 to %2.</source>
        <translation>%1 är efter sessionens slut: den observerade %2 totalt. Välj en tid från 00:00 till %2.</translation>
    </message>
</context>
<context>
    <name>samla::ui::ObservationLive</name>
    <message>
        <source>%1 was left out: %2</source>
        <translation>%1 togs inte med: %2</translation>
    </message>
    <message>
        <source>Observers: %1</source>
        <translation>Observatörer: %1</translation>
    </message>
    <message>
        <source>Coding here: %1</source>
        <translation>Kodar här: %1</translation>
    </message>
    <message>
        <source>Paused: the clock is stopped, and paused time is not observation time.</source>
        <translation>Pausad: klockan står still, och pausad tid räknas inte som observationstid.</translation>
    </message>
    <message>
        <source>%1 paused in all, not counted as observation time</source>
        <translation>%1 pausat totalt, räknas inte som observationstid</translation>
    </message>
    <message>
        <source>Prompts wait while the session is paused</source>
        <translation>Påminnelserna väntar medan sessionen är pausad</translation>
    </message>
    <message>
        <source>Next prompt in %1 (every %2)</source>
        <translation>Nästa påminnelse om %1 (var %2)</translation>
    </message>
    <message>
        <source>No subject</source>
        <translation>Ingen person</translation>
    </message>
    <message>
        <source>Objected to being observed during this session: cannot be tagged.</source>
        <translation>Avböjde att bli observerad under sessionen: kan inte taggas.</translation>
    </message>
    <message>
        <source>%1 cannot be tagged: %2</source>
        <translation>%1 kan inte taggas: %2</translation>
    </message>
    <message>
        <source>Running now: %1</source>
        <translation>Pågår nu: %1</translation>
    </message>
    <message>
        <source>Last: %1 at %2</source>
        <translation>Senast: %1 vid %2</translation>
    </message>
    <message>
        <source>Last: %1 · %2 at %3</source>
        <translation>Senast: %1 · %2 vid %3</translation>
    </message>
    <message numerus="yes">
        <source>Stopped after %1 of observation time; %n event(s) in force.</source>
        <translation>
            <numerusform>Stoppad efter %1 observationstid; %n händelse gäller.</numerusform>
            <numerusform>Stoppad efter %1 observationstid; %n händelser gäller.</numerusform>
        </translation>
    </message>
    <message>
        <source>No state event was running at the stop.</source>
        <translation>Ingen tillståndshändelse pågick vid stoppet.</translation>
    </message>
    <message>
        <source>Ended at the stop: %1</source>
        <translation>Avslutades vid stoppet: %1</translation>
    </message>
    <message>
        <source>Flagged for review (running at the stop): %1</source>
        <translation>Markerad för granskning (pågick vid stoppet): %1</translation>
    </message>
    <message>
        <source>The session is finalised. It can be read but no longer changed.</source>
        <translation>Sessionen är slutförd. Den kan läsas men inte längre ändras.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is missing or not one of the allowed values.</source>
        <translation>&quot;%1&quot; saknas eller är inte ett av de tillåtna värdena.</translation>
    </message>
    <message>
        <source>The prompt sound is turned off.</source>
        <translation>Ljudet för påminnelser är avstängt.</translation>
    </message>
    <message>
        <source>No sound: this device has no audio output.</source>
        <translation>Inget ljud: enheten har ingen ljudutgång.</translation>
    </message>
</context>
<context>
    <name>samla::ui::ObservationReports</name>
    <message>
        <source>Summary of all sessions: %1</source>
        <translation>Sammanställning av alla sessioner: %1</translation>
    </message>
    <message>
        <source>Summary of all sessions</source>
        <translation>Sammanställning av alla sessioner</translation>
    </message>
    <message>
        <source>Session summary: %1</source>
        <translation>Sammanställning av sessionen: %1</translation>
    </message>
    <message>
        <source>Session summary</source>
        <translation>Sammanställning av sessionen</translation>
    </message>
    <message numerus="yes">
        <source>%n session(s), stopped or finalised, %1 observed in all. A correction counts instead of the version it corrects.</source>
        <translation>
            <numerusform>%n session, stoppad eller slutförd, %1 observerat totalt. En rättelse räknas i stället för versionen den rättar.</numerusform>
            <numerusform>%n sessioner, stoppade eller slutförda, %1 observerat totalt. En rättelse räknas i stället för versionen den rättar.</numerusform>
        </translation>
    </message>
    <message>
        <source>Started %1, coded by %2, %3</source>
        <translation>Startad %1, kodad av %2, %3</translation>
    </message>
    <message>
        <source>No stopped or finalised sessions yet. Summaries appear once a session is stopped.</source>
        <translation>Inga stoppade eller slutförda sessioner ännu. Sammanställningar visas när en session har stoppats.</translation>
    </message>
    <message>
        <source>This session could not be found.</source>
        <translation>Sessionen kunde inte hittas.</translation>
    </message>
    <message>
        <source>Observed time</source>
        <translation>Observerad tid</translation>
    </message>
    <message>
        <source>Interactions rated</source>
        <translation>Bedömda interaktioner</translation>
    </message>
    <message>
        <source>Patients in view</source>
        <translation>Patienter i synfältet</translation>
    </message>
    <message>
        <source>Patient-hours observed</source>
        <translation>Observerade patienttimmar</translation>
    </message>
    <message>
        <source>Interactions per patient per hour</source>
        <translation>Interaktioner per patient och timme</translation>
    </message>
    <message>
        <source>Not known: no patients were counted in view</source>
        <translation>Okänt: inga patienter räknades i synfältet</translation>
    </message>
    <message>
        <source>Contributions</source>
        <translation>Bidrag</translation>
    </message>
    <message>
        <source>Contributions per hour</source>
        <translation>Bidrag per timme</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No site</source>
        <translation>Ingen plats</translation>
    </message>
    <message>
        <source>All sites</source>
        <translation>Alla platser</translation>
    </message>
    <message>
        <source>%1 (%2 interactions, %3 patient-hours)</source>
        <translation>%1 (%2 interaktioner, %3 patienttimmar)</translation>
    </message>
    <message>
        <source>Not known: no patients counted</source>
        <translation>Okänt: inga patienter räknade</translation>
    </message>
    <message>
        <source>Interactions per patient per hour, by site</source>
        <translation>Interaktioner per patient och timme, per plats</translation>
    </message>
    <message>
        <source>Pooled over patient-hours: all interactions divided by the sum of patients in view × hours observed. Grouped by site: this project records no intervention or control arm for its sites.</source>
        <translation>Sammanslaget över patienttimmar: alla interaktioner delat med summan av patienter i synfältet × observerade timmar. Grupperat per plats: projektet anger ingen interventions- eller kontrollarm för sina platser.</translation>
    </message>
    <message>
        <source>Share of each category</source>
        <translation>Andel av varje kategori</translation>
    </message>
    <message>
        <source>Number of interactions rated in each category, and its share of all rated interactions.</source>
        <translation>Antal interaktioner som bedömts i varje kategori och kategorins andel av alla bedömda interaktioner.</translation>
    </message>
    <message>
        <source>Contributions by type</source>
        <translation>Bidrag per typ</translation>
    </message>
    <message>
        <source>Number of contributions of each type, and its share of all contributions.</source>
        <translation>Antal bidrag av varje typ och typens andel av alla bidrag.</translation>
    </message>
    <message>
        <source>Participant, role not known</source>
        <translation>Deltagare, okänd roll</translation>
    </message>
    <message>
        <source>Contributions by role</source>
        <translation>Bidrag per roll</translation>
    </message>
    <message>
        <source>Who spoke: contributions by the speaker&apos;s role (a participant counts under their role).</source>
        <translation>Vem som talade: bidrag per talarens roll (en deltagare räknas under sin roll).</translation>
    </message>
    <message>
        <source>Contributions by role and type</source>
        <translation>Bidrag per roll och typ</translation>
    </message>
    <message>
        <source>For each role, its contributions of each type and their share of that role&apos;s contributions.</source>
        <translation>För varje roll: dess bidrag av varje typ och deras andel av rollens bidrag.</translation>
    </message>
    <message>
        <source>Events by behaviour</source>
        <translation>Händelser per beteende</translation>
    </message>
    <message>
        <source>Number of point events of each behaviour, and its share of all point events.</source>
        <translation>Antal punkthändelser för varje beteende och beteendets andel av alla punkthändelser.</translation>
    </message>
    <message>
        <source>%1 (%2 of observed time)</source>
        <translation>%1 (%2 av observerad tid)</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <translation>%1 · %2</translation>
    </message>
    <message>
        <source>Time budget of state events</source>
        <translation>Tidsbudget för tillståndshändelser</translation>
    </message>
    <message>
        <source>Time each state ran for each subject, and its share of the %1 observed (pauses left out).</source>
        <translation>Hur länge varje tillstånd pågick för varje subjekt och dess andel av de %1 som observerades (pauser ej medräknade).</translation>
    </message>
    <message>
        <source>The export could not be saved in %1: the disk is full. Free some space or choose another folder, then try again.</source>
        <translation>Exporten kunde inte sparas i %1: disken är full. Frigör utrymme eller välj en annan mapp och försök igen.</translation>
    </message>
    <message>
        <source>The export could not be saved in %1: that folder cannot be written to. Choose another folder, then try again.</source>
        <translation>Exporten kunde inte sparas i %1: det går inte att skriva i mappen. Välj en annan mapp och försök igen.</translation>
    </message>
    <message>
        <source>The export could not be saved in %1. Check that the folder exists and can be written to, then try again.</source>
        <translation>Exporten kunde inte sparas i %1. Kontrollera att mappen finns och går att skriva till och försök sedan igen.</translation>
    </message>
    <message numerus="yes">
        <source>Exported %n event(s) to %1. The file is not encrypted: it holds participant codes, never names.</source>
        <translation>
            <numerusform>%n händelse exporterad till %1. Filen är inte krypterad: den innehåller deltagarkoder, aldrig namn.</numerusform>
            <numerusform>%n händelser exporterade till %1. Filen är inte krypterad: den innehåller deltagarkoder, aldrig namn.</numerusform>
        </translation>
    </message>
    <message>
        <source>Point events coded</source>
        <translation>Kodade punkthändelser</translation>
    </message>
    <message>
        <source>Point events per hour</source>
        <translation>Punkthändelser per timme</translation>
    </message>
    <message>
        <source>Intervention</source>
        <translation>Intervention</translation>
    </message>
    <message>
        <source>Control</source>
        <translation>Kontroll</translation>
    </message>
    <message>
        <source>No arm</source>
        <translation>Ingen arm</translation>
    </message>
    <message>
        <source>Pooled over patient-hours: all interactions divided by the sum of patients in view × hours observed.</source>
        <translation>Sammanslaget över patienttimmar: alla interaktioner delat med summan av patienter i synfältet × observerade timmar.</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n session(s), %2 hours observed, %3 interactions, %4 patient-hours)</source>
        <translation>
            <numerusform>%1 (%n session, %2 observerade timmar, %3 interaktioner, %4 patienttimmar)</numerusform>
            <numerusform>%1 (%n sessioner, %2 observerade timmar, %3 interaktioner, %4 patienttimmar)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Not known: no patients counted (%n session(s), %1 hours observed)</source>
        <translation>
            <numerusform>Okänt: inga patienter räknade (%n session, %1 observerade timmar)</numerusform>
            <numerusform>Okänt: inga patienter räknade (%n sessioner, %1 observerade timmar)</numerusform>
        </translation>
    </message>
    <message>
        <source>Interactions per patient per hour, by study arm</source>
        <translation>Interaktioner per patient och timme, per studiearm</translation>
    </message>
    <message>
        <source>Sites are grouped by the study arm set in the project settings; sessions at sites without an arm are shown as &quot;No arm&quot;.</source>
        <translation>Platserna grupperas efter den studiearm som anges i projektinställningarna; sessioner på platser utan arm visas som ”Ingen arm”.</translation>
    </message>
    <message>
        <source>Share of each category, by study arm</source>
        <translation>Andel av varje kategori, per studiearm</translation>
    </message>
    <message>
        <source>Number of interactions rated in each category, and its share of the arm&apos;s rated interactions.</source>
        <translation>Antal bedömda interaktioner i varje kategori och dess andel av armens bedömda interaktioner.</translation>
    </message>
</context>
<context>
    <name>samla::ui::ObservationSetup</name>
    <message>
        <source>No particular site</source>
        <translation>Ingen särskild plats</translation>
    </message>
    <message>
        <source>%1 cannot be observed: %2</source>
        <translation>%1 kan inte observeras: %2</translation>
    </message>
    <message>
        <source>That file could not be read. Check the name and try again.</source>
        <translation>Filen kunde inte läsas. Kontrollera namnet och försök igen.</translation>
    </message>
    <message>
        <source>The scheme was not imported: %1</source>
        <translation>Schemat importerades inte: %1</translation>
    </message>
    <message>
        <source>Check consent again with %1 before the session starts, or untick them.</source>
        <translation>Kontrollera samtycket igen med %1 innan sessionen börjar, eller bocka ur dem.</translation>
    </message>
    <message>
        <source>The scheme was not imported: it uses the code of a built-in scheme with other content. Give it a code of its own.</source>
        <translation>Schemat importerades inte: det använder koden för ett inbyggt schema men har annat innehåll. Ge det en egen kod.</translation>
    </message>
</context>
<context>
    <name>samla::ui::ParticipantConsent</name>
    <message>
        <source>Re-consent due: %1.</source>
        <translation>Samtycket ska förnyas: %1.</translation>
    </message>
    <message>
        <source>This project&apos;s policy: on withdrawal, data already collected may also be removed.</source>
        <translation>Projektets regel: när någon avbryter sitt deltagande får även redan insamlade uppgifter tas bort.</translation>
    </message>
    <message>
        <source>This project&apos;s policy: on withdrawal, data already collected is kept (stop and retain).</source>
        <translation>Projektets regel: när någon avbryter sitt deltagande behålls redan insamlade uppgifter (avsluta och behålla).</translation>
    </message>
    <message>
        <source>Re-check recorded: %1.</source>
        <translation>Avstämningen är registrerad: %1.</translation>
    </message>
    <message>
        <source>Dissent recorded. Stop now; collect nothing until consent is checked again.</source>
        <translation>Invändningen är registrerad. Avbryt nu och samla inte in något förrän samtycket har stämts av igen.</translation>
    </message>
    <message>
        <source>Participation paused.</source>
        <translation>Deltagandet är pausat.</translation>
    </message>
    <message>
        <source>Participation resumed.</source>
        <translation>Deltagandet är återupptaget.</translation>
    </message>
    <message>
        <source>Withdrawal recorded: %1.</source>
        <translation>Det avbrutna deltagandet är registrerat: %1.</translation>
    </message>
    <message>
        <source>The export could not be saved in %1. Check that the folder exists and can be written to, then try again.</source>
        <translation>Exporten kunde inte sparas i %1. Kontrollera att mappen finns och går att skriva till och försök sedan igen.</translation>
    </message>
    <message>
        <source>Consent history exported as FHIR R4 to %1. The file is not encrypted: it holds the participant&apos;s code, never their name.</source>
        <translation>Samtyckeshistoriken är exporterad som FHIR R4 till %1. Filen är inte krypterad: den innehåller deltagarens kod, aldrig namnet.</translation>
    </message>
    <message numerus="yes">
        <source>%n other participant(s) also have the code %1: they were enrolled on different devices before syncing. Nothing was merged. Check who this is before recording anything, and tell your data manager.</source>
        <translation>
            <numerusform>%n annan deltagare har också koden %1: de registrerades på olika enheter innan de synkroniserades. Inget har slagits ihop. Kontrollera vem det här är innan du registrerar något, och meddela den dataansvariga.</numerusform>
            <numerusform>%n andra deltagare har också koden %1: de registrerades på olika enheter innan de synkroniserades. Inget har slagits ihop. Kontrollera vem det här är innan du registrerar något, och meddela den dataansvariga.</numerusform>
        </translation>
    </message>
    <message>
        <source>The code could not be changed. Nothing was changed. Try again.</source>
        <translation>Koden kunde inte ändras. Ingenting ändrades. Försök igen.</translation>
    </message>
    <message>
        <source>The participant now has the code %1. The old code %2 is kept with the participant&apos;s record, so forms written under it can still be traced.</source>
        <translation>Deltagaren har nu koden %1. Den gamla koden %2 sparas med deltagarens uppgifter, så att blanketter som skrivits under den fortfarande kan spåras.</translation>
    </message>
</context>
<context>
    <name>samla::ui::ParticipantRegister</name>
    <message>
        <source>Names and contact details are stored only in the identity register on this device, encrypted with its own key. Everywhere else Samla shows the code.</source>
        <translation>Namn och kontaktuppgifter sparas bara i identitetsregistret på den här enheten, krypterat med en egen nyckel. Överallt annars visar Samla koden.</translation>
    </message>
    <message>
        <source>Choose a category and an age band.</source>
        <translation>Välj en kategori och en åldersgrupp.</translation>
    </message>
    <message>
        <source>That category and age band do not go together: a child or adolescent is under 18, and staff are 18 or older.</source>
        <translation>Den kategorin och åldersgruppen går inte ihop: ett barn eller en ungdom är under 18 år och personal är 18 år eller äldre.</translation>
    </message>
    <message>
        <source>Names and contact details cannot be stored on this device, so nothing was saved. Leave those fields empty and enrol with the code only.</source>
        <translation>Namn och kontaktuppgifter kan inte sparas på den här enheten, så ingenting sparades. Lämna de fälten tomma och skriv in deltagaren med enbart koden.</translation>
    </message>
    <message>
        <source>%1 (overdue)</source>
        <translation>%1 (försenat)</translation>
    </message>
    <message>
        <source>%1 (by %2)</source>
        <translation>%1 (senast %2)</translation>
    </message>
    <message>
        <source>Re-consent is due for: %1. Open the participant to check consent again.</source>
        <translation>Samtycket ska förnyas för: %1. Öppna deltagaren för att stämma av samtycket igen.</translation>
    </message>
    <message>
        <source>This device joined the project as a member, so it cannot hold the identity register: names and contact details stay on the data manager&apos;s device. Enrol with the code only.</source>
        <translation>Den här enheten har anslutit till projektet som medlem och kan därför inte ha identitetsregistret: namn och kontaktuppgifter finns kvar på den dataansvariges enhet. Registrera deltagaren med enbart kod.</translation>
    </message>
    <message>
        <source>This device is the data manager&apos;s: it holds the identity register. Each look-up of a name is recorded in the audit log.</source>
        <translation>Den här enheten är den dataansvariges: den har identitetsregistret. Varje uppslagning av ett namn registreras i granskningsloggen.</translation>
    </message>
    <message>
        <source>This device is a researcher&apos;s device: it shows codes only. It can become the data manager&apos;s device by creating the identity register.</source>
        <translation>Den här enheten är en forskares enhet: den visar bara koder. Den kan bli den dataansvariges enhet genom att skapa identitetsregistret.</translation>
    </message>
    <message>
        <source>This device is a researcher&apos;s device: it shows codes only. Names and contact details are kept on the data manager&apos;s device.</source>
        <translation>Den här enheten är en forskares enhet: den visar bara koder. Namn och kontaktuppgifter finns på den dataansvariges enhet.</translation>
    </message>
    <message>
        <source>The next code is %1.</source>
        <translation>Nästa kod är %1.</translation>
    </message>
    <message>
        <source>The next code is %1. %2 names this device, so codes made offline on two devices are never the same.</source>
        <translation>Nästa kod är %1. %2 anger den här enheten, så koder som skapas utan uppkoppling på två enheter blir aldrig lika.</translation>
    </message>
    <message>
        <source>More than one participant has the code %1. They were enrolled on different devices before syncing. Both are kept and nothing was merged: ask your data manager to tell them apart before collecting more data.</source>
        <translation>Fler än en deltagare har koden %1. De registrerades på olika enheter innan de synkroniserades. Båda finns kvar och inget har slagits ihop: be den dataansvariga att skilja dem åt innan mer data samlas in.</translation>
    </message>
</context>
<context>
    <name>samla::ui::PassphraseStrength</name>
    <message>
        <source>Very weak</source>
        <translation>Mycket svag</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>Svag</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Medelstark</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>Stark</translation>
    </message>
    <message>
        <source>Very strong</source>
        <translation>Mycket stark</translation>
    </message>
    <message>
        <source>Use at least 10 characters. A few unrelated words are strong and easy to remember.</source>
        <translation>Använd minst 10 tecken. Några ord som inte hör ihop är starka och lätta att komma ihåg.</translation>
    </message>
    <message>
        <source>Repeated characters or chunks are easy to guess. Try a few unrelated words.</source>
        <translation>Upprepade tecken eller delar är lätta att gissa. Prova några ord som inte hör ihop.</translation>
    </message>
    <message>
        <source>Runs like &quot;abcd&quot;, &quot;1234&quot; or &quot;qwerty&quot; are easy to guess. Try a few unrelated words.</source>
        <translation>Följder som ”abcd”, ”1234” eller ”qwerty” är lätta att gissa. Prova några ord som inte hör ihop.</translation>
    </message>
    <message>
        <source>Too short: use at least 10 characters.</source>
        <translation>För kort: använd minst 10 tecken.</translation>
    </message>
    <message>
        <source>Good enough. Adding another word makes it stronger.</source>
        <translation>Godtagbar. Ett ord till gör den starkare.</translation>
    </message>
    <message>
        <source>Make it longer, or mix in capitals, digits or symbols.</source>
        <translation>Gör den längre, eller blanda in versaler, siffror eller specialtecken.</translation>
    </message>
    <message>
        <source>This is one of the most common passwords, so it is guessed first. Try a few unrelated words instead.</source>
        <translation>Det här är ett av de vanligaste lösenorden, så det gissas först. Prova hellre några ord som inte hör ihop.</translation>
    </message>
    <message>
        <source>Good. Make sure only you know it.</source>
        <translation>Bra. Se till att bara du känner till den.</translation>
    </message>
</context>
<context>
    <name>samla::ui::ProjectEditor</name>
    <message>
        <source>Give the project a name.</source>
        <translation>Ge projektet ett namn.</translation>
    </message>
    <message>
        <source>The code prefix must be 1 to 4 capital letters A–Z, for example LC. It must never be a name.</source>
        <translation>Prefixet för koder ska vara 1 till 4 versaler A–Z, till exempel LC. Det får aldrig vara ett namn.</translation>
    </message>
    <message>
        <source>Choose at least one working language.</source>
        <translation>Välj minst ett arbetsspråk.</translation>
    </message>
    <message>
        <source>Enter the lawful basis, for example GDPR Art 6(1)(e) + 9(2)(j).</source>
        <translation>Ange den rättsliga grunden, till exempel GDPR art. 6.1 e + 9.2 j.</translation>
    </message>
    <message>
        <source>The retention period and the re-consent interval cannot be negative.</source>
        <translation>Bevarandetiden och intervallet för förnyat samtycke kan inte vara negativa.</translation>
    </message>
    <message>
        <source>Every site needs a name. Remove a site you do not need.</source>
        <translation>Varje plats behöver ett namn. Ta bort en plats som du inte behöver.</translation>
    </message>
    <message>
        <source>These settings cannot be saved. Check each field and try again.</source>
        <translation>Inställningarna kan inte sparas. Kontrollera varje fält och försök igen.</translation>
    </message>
    <message>
        <source>Project settings saved. Earlier versions are kept.</source>
        <translation>Projektinställningarna är sparade. Tidigare versioner finns kvar.</translation>
    </message>
</context>
<context>
    <name>samla::ui::ProjectList</name>
    <message>
        <source>This project could not be opened. It may have been removed; the list is now up to date.</source>
        <translation>Projektet kunde inte öppnas. Det kan ha tagits bort; listan är nu uppdaterad.</translation>
    </message>
    <message>
        <source>The project was created but could not be opened. Choose it in the list.</source>
        <translation>Projektet skapades men kunde inte öppnas. Välj det i listan.</translation>
    </message>
</context>
<context>
    <name>samla::ui::QrScanner</name>
    <message>
        <source>No camera found. Paste the code, or open the QR image instead.</source>
        <translation>Ingen kamera hittades. Klistra in koden eller öppna QR-bilden i stället.</translation>
    </message>
    <message>
        <source>The camera could not be opened. Check that no other app is using it.</source>
        <translation>Kameran kunde inte öppnas. Kontrollera att ingen annan app använder den.</translation>
    </message>
    <message>
        <source>Hold the QR code inside the picture. It is read as soon as it is sharp.</source>
        <translation>Håll QR-koden inom bilden. Den läses så snart den är skarp.</translation>
    </message>
    <message>
        <source>That QR code is not a Samla enrolment code. Show the code your administrator gave you.</source>
        <translation>Den QR-koden är ingen anslutningskod för Samla. Visa koden som din administratör gav dig.</translation>
    </message>
</context>
<context>
    <name>samla::ui::SchemeEditor</name>
    <message>
        <source>No category</source>
        <translation>Ingen kategori</translation>
    </message>
    <message>
        <source>Subject optional</source>
        <translation>Subjekt valfritt</translation>
    </message>
    <message>
        <source>Subject required</source>
        <translation>Subjekt krävs</translation>
    </message>
    <message>
        <source>No subject</source>
        <translation>Inget subjekt</translation>
    </message>
    <message>
        <source>Single choice</source>
        <translation>Enkelval</translation>
    </message>
    <message>
        <source>Multiple choice</source>
        <translation>Flerval</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Tal</translation>
    </message>
    <message>
        <source>Free text</source>
        <translation>Fritext</translation>
    </message>
    <message>
        <source>Write a whole number of seconds, or 0 for no prompts.</source>
        <translation>Skriv ett helt antal sekunder, eller 0 för inga påminnelser.</translation>
    </message>
    <message>
        <source>Write a number, for example 0 or 2.5, or leave it empty.</source>
        <translation>Skriv ett tal, till exempel 0 eller 2,5, eller lämna fältet tomt.</translation>
    </message>
    <message numerus="yes">
        <source>Not saved: %n field(s) to fix, marked beside them. Nothing you wrote is lost.</source>
        <translation>
            <numerusform>Inte sparat: %n fält att rätta, markerat bredvid fältet. Inget av det du skrev går förlorat.</numerusform>
            <numerusform>Inte sparat: %n fält att rätta, markerade bredvid fälten. Inget av det du skrev går förlorat.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing has changed since version %1, so no new version was made.</source>
        <translation>Inget har ändrats sedan version %1, så ingen ny version skapades.</translation>
    </message>
    <message>
        <source>“%1” is the code of a built-in scheme. Choose another code.</source>
        <translation>”%1” är koden för ett inbyggt schema. Välj en annan kod.</translation>
    </message>
    <message>
        <source>Another scheme of this project has the code “%1”. Choose another code.</source>
        <translation>Ett annat schema i projektet har koden ”%1”. Välj en annan kod.</translation>
    </message>
    <message>
        <source>Saved as version %1. Sessions already coded keep the version they were coded with.</source>
        <translation>Sparat som version %1. Sessioner som redan kodats behåller den version de kodades med.</translation>
    </message>
    <message>
        <source>There is no file at %1. Check the path and try again.</source>
        <translation>Det finns ingen fil på %1. Kontrollera sökvägen och försök igen.</translation>
    </message>
    <message>
        <source>%1 is too large to be a coding scheme (over 1 MB).</source>
        <translation>%1 är för stor för att vara ett kodschema (över 1 MB).</translation>
    </message>
    <message>
        <source>%1 could not be read. Check that Samla may open it and try again.</source>
        <translation>%1 kunde inte läsas. Kontrollera att Samla får öppna den och försök igen.</translation>
    </message>
    <message>
        <source>%1 was not imported: %2</source>
        <translation>%1 importerades inte: %2</translation>
    </message>
    <message>
        <source>%1 was not imported: it uses the code of a built-in scheme with other content. Give it a code of its own.</source>
        <translation>%1 importerades inte: den använder koden för ett inbyggt schema men har annat innehåll. Ge den en egen kod.</translation>
    </message>
    <message>
        <source>“%1” version %2 is already here. Nothing was imported.</source>
        <translation>”%1” version %2 finns redan här. Inget importerades.</translation>
    </message>
    <message>
        <source>“%1” was already in the project: the file is saved as its version %2.</source>
        <translation>”%1” fanns redan i projektet: filen sparas som dess version %2.</translation>
    </message>
    <message>
        <source>Imported “%1”, version %2.</source>
        <translation>Importerade ”%1”, version %2.</translation>
    </message>
    <message>
        <source>The scheme could not be saved in %1. Check that the folder exists and can be written to.</source>
        <translation>Schemat kunde inte sparas i %1. Kontrollera att mappen finns och att det går att skriva i den.</translation>
    </message>
    <message>
        <source>Version %1 saved as %2. Another project or device can import it.</source>
        <translation>Version %1 sparad som %2. Ett annat projekt eller en annan enhet kan importera den.</translation>
    </message>
    <message>
        <source>%1 is not valid JSON: there is a mistake on line %2. Nothing was imported.</source>
        <translation>%1 är inte giltig JSON: det finns ett fel på rad %2. Inget importerades.</translation>
    </message>
    <message>
        <source>An archived scheme of this project has the code “%1”. Restore it from the archive, or choose another code.</source>
        <translation>Ett arkiverat schema i projektet har koden ”%1”. Återställ det från arkivet eller välj en annan kod.</translation>
    </message>
    <message>
        <source>“%1” is archived. New sessions cannot use it; sessions coded with it keep it.</source>
        <translation>”%1” är arkiverat. Nya sessioner kan inte använda det; sessioner som kodats med det behåller det.</translation>
    </message>
    <message>
        <source>“%1” is back and can be chosen for new sessions.</source>
        <translation>”%1” är tillbaka och kan väljas för nya sessioner.</translation>
    </message>
    <message>
        <source>Sessions were coded with this scheme, so it cannot be removed. Archive it instead.</source>
        <translation>Sessioner har kodats med det här schemat, så det kan inte tas bort. Arkivera det i stället.</translation>
    </message>
    <message>
        <source>“%1” was removed.</source>
        <translation>”%1” togs bort.</translation>
    </message>
</context>
<context>
    <name>samla::ui::Session</name>
    <message>
        <source>Your passphrase has been changed. Use the new one from now on.</source>
        <translation>Din lösenfras har bytts. Använd den nya från och med nu.</translation>
    </message>
</context>
<context>
    <name>samla::ui::SyncController</name>
    <message>
        <source>The server did not show the certificate named in the enrolment code, so Samla did not connect. Nothing was sent. Tell your administrator.</source>
        <translation>Servern visade inte det certifikat som anges i anslutningskoden, så Samla anslöt inte. Inget skickades. Kontakta din administratör.</translation>
    </message>
    <message>
        <source>This enrolment code has already been used or has expired. Ask your administrator for a new one.</source>
        <translation>Anslutningskoden har redan använts eller har gått ut. Be din administratör om en ny.</translation>
    </message>
    <message>
        <source>An administrator has removed this device from the project, so it can no longer sync. What is on this device stays here.</source>
        <translation>En administratör har tagit bort den här enheten från projektet, så den kan inte längre synkronisera. Det som finns på enheten finns kvar här.</translation>
    </message>
    <message>
        <source>That is not a Samla enrolment code. Paste the whole line that starts with samla-enrol:.</source>
        <translation>Det är ingen anslutningskod för Samla. Klistra in hela raden som börjar med samla-enrol:.</translation>
    </message>
    <message>
        <source>This device already syncs with another server.</source>
        <translation>Den här enheten synkroniserar redan med en annan server.</translation>
    </message>
    <message>
        <source>Samla could not reach the sync server. Check the network and try again; your changes wait safely on this device.</source>
        <translation>Samla nådde inte synkroniseringsservern. Kontrollera nätverket och försök igen; dina ändringar väntar säkert på den här enheten.</translation>
    </message>
    <message>
        <source>Only an administrator&apos;s device can approve devices.</source>
        <translation>Bara en administratörs enhet kan godkänna enheter.</translation>
    </message>
    <message>
        <source>Not synced yet</source>
        <translation>Inte synkroniserad än</translation>
    </message>
    <message>
        <source>Last synced %1</source>
        <translation>Senast synkroniserad %1</translation>
    </message>
    <message>
        <source>This device has joined the project.</source>
        <translation>Enheten är nu ansluten till projektet.</translation>
    </message>
    <message>
        <source>Waiting for an administrator to approve this device.</source>
        <translation>Väntar på att en administratör godkänner den här enheten.</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n change(s)</source>
        <translation>
            <numerusform>Skickade %n ändring</numerusform>
            <numerusform>Skickade %n ändringar</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>received %n change(s).</source>
        <translation>
            <numerusform>tog emot %n ändring.</numerusform>
            <numerusform>tog emot %n ändringar.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) made on two devices at once: both versions are kept.</source>
        <translation>
            <numerusform>%n ändring gjordes på två enheter samtidigt: båda versionerna finns kvar.</numerusform>
            <numerusform>%n ändringar gjordes på två enheter samtidigt: båda versionerna finns kvar.</numerusform>
        </translation>
    </message>
    <message>
        <source>The device is approved. It receives the project&apos;s data at its next sync.</source>
        <translation>Enheten är godkänd. Den får projektets data vid nästa synkronisering.</translation>
    </message>
    <message>
        <source>No QR code was found in that image. Open the PNG file samla-server wrote, or a sharp photo of the code.</source>
        <translation>Ingen QR-kod hittades i bilden. Öppna PNG-filen som samla-server skrev, eller ett skarpt foto av koden.</translation>
    </message>
    <message>
        <source>That file could not be opened as an image. Check the path.</source>
        <translation>Filen kunde inte öppnas som en bild. Kontrollera sökvägen.</translation>
    </message>
    <message>
        <source>Automatic sync is off. Use Sync now.</source>
        <translation>Automatisk synkronisering är av. Använd Synkronisera nu.</translation>
    </message>
    <message>
        <source>Automatic sync has stopped because of the problem shown. Use Sync now after it is solved.</source>
        <translation>Automatisk synkronisering har stoppats på grund av problemet som visas. Använd Synkronisera nu när det är löst.</translation>
    </message>
    <message>
        <source>The sync server could not be reached. Samla tries again at %1; your changes wait safely on this device.</source>
        <translation>Synkroniseringsservern gick inte att nå. Samla försöker igen kl. %1. Dina ändringar väntar säkert på den här enheten.</translation>
    </message>
    <message>
        <source>Next automatic sync at %1.</source>
        <translation>Nästa automatiska synkronisering kl. %1.</translation>
    </message>
    <message>
        <source>Automatic sync waits until the observation session is stopped.</source>
        <translation>Automatisk synkronisering väntar tills observationssessionen har stoppats.</translation>
    </message>
    <message>
        <source>A photo, recording or PDF did not arrive intact, so it was not kept. The change that names it waits on the device that made it. Sync again; if this comes back, tell your administrator.</source>
        <translation>Ett foto, en inspelning eller en PDF kom inte fram oskadd och sparades därför inte. Ändringen som hänvisar till den väntar på enheten som gjorde den. Synkronisera igen; om det händer igen, kontakta din administratör.</translation>
    </message>
    <message>
        <source>A photo, recording or PDF is larger than the server takes (512 MB). The change that names it waits on this device. Tell your administrator.</source>
        <translation>Ett foto, en inspelning eller en PDF är större än servern tar emot (512 MB). Ändringen som hänvisar till den väntar på den här enheten. Kontakta din administratör.</translation>
    </message>
    <message>
        <source>The server offered a project key from a device that is not this project&apos;s administrator, so Samla refused it. Tell your administrator; your data on this device is safe.</source>
        <translation>Servern erbjöd en projektnyckel från en enhet som inte är projektets administratör, så Samla avvisade den. Berätta det för din administratör; dina data på den här enheten är säkra.</translation>
    </message>
    <message>
        <source>The server offered a different key for project data this device can already read. Samla kept the key it had, so nothing here changes. Tell your administrator.</source>
        <translation>Servern erbjöd en annan nyckel för projektdata som den här enheten redan kan läsa. Samla behöll nyckeln den hade, så inget ändras här. Berätta det för din administratör.</translation>
    </message>
    <message>
        <source>The device is granted the data-manager role. It receives the identity register at its next sync.</source>
        <translation>Enheten har fått rollen som dataansvarig. Den får identitetsregistret vid nästa synkronisering.</translation>
    </message>
    <message numerus="yes">
        <source>%n photo(s), recording(s) or document(s) could not be sent: too large, or damaged on this device. Their notes and records were sent without them. Tell your data manager.</source>
        <translation>
            <numerusform>%n foto, inspelning eller dokument kunde inte skickas: för stort eller skadat på den här enheten. Anteckningen eller posten skickades utan det. Berätta för din dataansvariga.</numerusform>
            <numerusform>%n foton, inspelningar eller dokument kunde inte skickas: för stora eller skadade på den här enheten. Anteckningarna och posterna skickades utan dem. Berätta för din dataansvariga.</numerusform>
        </translation>
    </message>
    <message>
        <source>site</source>
        <translation>plats</translation>
    </message>
    <message>
        <source>category</source>
        <translation>kategori</translation>
    </message>
    <message>
        <source>age band</source>
        <translation>åldersgrupp</translation>
    </message>
    <message>
        <source>capacity to consent</source>
        <translation>förmåga att samtycka</translation>
    </message>
    <message>
        <source>notes on capacity</source>
        <translation>anteckningar om samtyckesförmåga</translation>
    </message>
    <message>
        <source>code</source>
        <translation>kod</translation>
    </message>
    <message>
        <source>previous codes</source>
        <translation>tidigare koder</translation>
    </message>
    <message>
        <source>name</source>
        <translation>namn</translation>
    </message>
    <message>
        <source>code prefix</source>
        <translation>kodprefix</translation>
    </message>
    <message>
        <source>description</source>
        <translation>beskrivning</translation>
    </message>
    <message>
        <source>sites</source>
        <translation>platser</translation>
    </message>
    <message>
        <source>languages</source>
        <translation>språk</translation>
    </message>
    <message>
        <source>lawful basis</source>
        <translation>rättslig grund</translation>
    </message>
    <message>
        <source>withdrawal policy</source>
        <translation>hantering av avbrutet deltagande</translation>
    </message>
    <message>
        <source>retention period</source>
        <translation>bevarandetid</translation>
    </message>
    <message>
        <source>re-consent interval</source>
        <translation>intervall för förnyat samtycke</translation>
    </message>
    <message>
        <source>consent check at every session</source>
        <translation>samtyckeskontroll vid varje session</translation>
    </message>
    <message>
        <source>child assent</source>
        <translation>barnets medgivande</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(tomt)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nej</translation>
    </message>
    <message>
        <source>(changed)</source>
        <translation>(ändrat)</translation>
    </message>
    <message>
        <source>this device</source>
        <translation>den här enheten</translation>
    </message>
    <message>
        <source>another device</source>
        <translation>en annan enhet</translation>
    </message>
    <message>
        <source>Finalised</source>
        <translation>Slutförd</translation>
    </message>
    <message>
        <source>Stopped, not finalised</source>
        <translation>Stoppad, inte slutförd</translation>
    </message>
    <message>
        <source>Being coded, not finalised</source>
        <translation>Kodas, inte slutförd</translation>
    </message>
    <message>
        <source>Participant %1</source>
        <translation>Deltagare %1</translation>
    </message>
    <message>
        <source>Project %1</source>
        <translation>Projekt %1</translation>
    </message>
    <message>
        <source>Observation session</source>
        <translation>Observationssession</translation>
    </message>
    <message>
        <source>Untitled note</source>
        <translation>Namnlös anteckning</translation>
    </message>
    <message>
        <source>Both changed the participant&apos;s %1; the later change is in force. Other changes were merged.</source>
        <translation>Båda ändrade deltagarens %1; den senare ändringen gäller. Övriga ändringar slogs ihop.</translation>
    </message>
    <message>
        <source>Both changed the project&apos;s %1; the later change is in force. Other changes were merged.</source>
        <translation>Båda ändrade projektets %1; den senare ändringen gäller. Övriga ändringar slogs ihop.</translation>
    </message>
    <message>
        <source>Both changed %1; the later change is in force. Other changes were merged.</source>
        <translation>Båda ändrade %1; den senare ändringen gäller. Övriga ändringar slogs ihop.</translation>
    </message>
    <message>
        <source>This observation session was finalised on one device and changed on another. Both versions are kept and the finalised one is in force. Check them; a correction is made as a new session.</source>
        <translation>Den här observationssessionen slutfördes på en enhet och ändrades på en annan. Båda versionerna sparas och den slutförda gäller. Granska dem; en rättelse görs som en ny session.</translation>
    </message>
    <message>
        <source>Both versions of this note are kept. The later one is shown; you can use the other instead.</source>
        <translation>Båda versionerna av anteckningen sparas. Den senare visas; du kan använda den andra i stället.</translation>
    </message>
    <message>
        <source>Both versions are kept; the later one is in force.</source>
        <translation>Båda versionerna sparas; den senare gäller.</translation>
    </message>
    <message numerus="yes">
        <source>Sent %n entry(ies) to the research team. They are no longer kept on this device.</source>
        <translation>
            <numerusform>Skickade %n anteckning till forskargruppen. Den finns inte längre kvar på den här enheten.</numerusform>
            <numerusform>Skickade %n anteckningar till forskargruppen. De finns inte längre kvar på den här enheten.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was waiting to be sent.</source>
        <translation>Inget väntade på att skickas.</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) made on two devices at once were merged field by field.</source>
        <translation>
            <numerusform>%n ändring gjord på två enheter samtidigt slogs ihop fält för fält.</numerusform>
            <numerusform>%n ändringar gjorda på två enheter samtidigt slogs ihop fält för fält.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) were refused: they would have changed a finalised record or a logged event. Tell your administrator.</source>
        <translation>
            <numerusform>%n ändring avvisades: den skulle ha ändrat en slutförd post eller en loggad händelse. Säg till din administratör.</numerusform>
            <numerusform>%n ändringar avvisades: de skulle ha ändrat en slutförd post eller en loggad händelse. Säg till din administratör.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) from participants&apos; devices were refused: such a device may send only notes and diary entries. Tell your administrator.</source>
        <translation>
            <numerusform>%n ändring från en deltagares enhet avvisades: en sådan enhet får bara skicka anteckningar och dagboksanteckningar. Kontakta din administratör.</numerusform>
            <numerusform>%n ändringar från deltagares enheter avvisades: en sådan enhet får bara skicka anteckningar och dagboksanteckningar. Kontakta din administratör.</numerusform>
        </translation>
    </message>
    <message>
        <source>The participant&apos;s device is approved. From its next sync it can send entries; it cannot read anything of the project.</source>
        <translation>Deltagarens enhet är godkänd. Från nästa synkronisering kan den skicka anteckningar; den kan inte läsa något i projektet.</translation>
    </message>
    <message>
        <source>The server listed a device with a key that the device did not sign, so Samla did not give it the project key. Nobody was approved. Tell whoever runs the server: it may have been tampered with.</source>
        <translation>Servern visade en enhet med en nyckel som enheten själv inte har signerat, så Samla gav den inte projektnyckeln. Ingen godkändes. Kontakta den som driver servern: den kan ha manipulerats.</translation>
    </message>
    <message>
        <source>The device is removed. It can no longer sync, and what is written from now on is sealed with a new project key it does not have.</source>
        <translation>Enheten är borttagen. Den kan inte längre synkronisera, och det som skrivs härefter förseglas med en ny projektnyckel som den inte har.</translation>
    </message>
</context>
</TS>
