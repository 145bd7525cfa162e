<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>AnnotationFile</name>
    <message>
        <source>%1 is not a readable labelme file: %2</source>
        <translation>%1 n’est pas un fichier labelme lisible : %2</translation>
    </message>
    <message>
        <source>%1 belongs to %2, not to %3 (two images share a name; rename one of them to annotate both)</source>
        <translation>%1 appartient à %2, pas à %3 (deux images portent le même nom ; renommez-en une pour annoter les deux)</translation>
    </message>
    <message>
        <source>%1 was made for a %2×%3 image, but %4 is %5×%6</source>
        <translation>%1 a été créé pour une image de %2×%3, mais %4 mesure %5×%6</translation>
    </message>
</context>
<context>
    <name>CandidatePromoter</name>
    <message>
        <source>New label &quot;%1&quot; from the Prompt lab</source>
        <translation>Nouveau libellé « %1 » depuis le labo de prompts</translation>
    </message>
    <message>
        <source>Add prompt &quot;%1&quot; to label &quot;%2&quot;</source>
        <translation>Ajouter le prompt « %1 » au libellé « %2 »</translation>
    </message>
    <message>
        <source>Add &quot;%1&quot; to the ensemble of label &quot;%2&quot;</source>
        <translation>Ajouter « %1 » à l’ensemble du libellé « %2 »</translation>
    </message>
    <message>
        <source>Add negative &quot;%1&quot; to label &quot;%2&quot;</source>
        <translation>Ajouter le négatif « %1 » au libellé « %2 »</translation>
    </message>
</context>
<context>
    <name>DocumentCommands</name>
    <message>
        <source>Add label &quot;%1&quot;</source>
        <translation>Ajouter l’étiquette « %1 »</translation>
    </message>
    <message>
        <source>Remove label &quot;%1&quot;</source>
        <translation>Supprimer l’étiquette « %1 »</translation>
    </message>
    <message>
        <source>Reorder labels</source>
        <translation>Réordonner les étiquettes</translation>
    </message>
    <message>
        <source>Select the label to fill first.</source>
        <translation>Sélectionnez d’abord l’étiquette à remplir.</translation>
    </message>
    <message>
        <source>%1 is hidden: show it to paint it.</source>
        <translation>%1 est masquée : affichez-la pour la peindre.</translation>
    </message>
    <message>
        <source>This pixel is part of %1 already; click inside a hole of it, or Shift+click to remove this part.</source>
        <translation>Ce pixel fait déjà partie de %1 ; cliquez dans un de ses trous, ou Maj+clic pour supprimer cette partie.</translation>
    </message>
    <message>
        <source>This pixel is not part of %1: Shift+click a part of it to remove that part.</source>
        <translation>Ce pixel ne fait pas partie de %1 : Maj+clic sur une de ses parties pour la supprimer.</translation>
    </message>
    <message>
        <source>This area is not a hole of %1 (it reaches the image border); draw a polygon (G) to add it.</source>
        <translation>Cette zone n’est pas un trou de %1 (elle touche le bord de l’image) ; tracez un polygone (G) pour l’ajouter.</translation>
    </message>
    <message>
        <source>This image has no brush edits.</source>
        <translation>Cette image n’a aucune retouche au pinceau.</translation>
    </message>
    <message>
        <source>clear brush edits</source>
        <translation>effacer les retouches au pinceau</translation>
    </message>
    <message>
        <source>Use suggested threshold %1 for &quot;%2&quot;</source>
        <translation>Utiliser le seuil suggéré %1 pour « %2 »</translation>
    </message>
</context>
<context>
    <name>EditLabelCommand</name>
    <message>
        <source>Rename label to &quot;%1&quot;</source>
        <translation>Renommer l’étiquette en « %1 »</translation>
    </message>
    <message>
        <source>Change colour of &quot;%1&quot;</source>
        <translation>Changer la couleur de « %1 »</translation>
    </message>
    <message>
        <source>Change prompts of &quot;%1&quot;</source>
        <translation>Changer les prompts de « %1 »</translation>
    </message>
    <message>
        <source>Change visual prompts of &quot;%1&quot;</source>
        <translation>Changer les prompts visuels de « %1 »</translation>
    </message>
    <message>
        <source>Set threshold of &quot;%1&quot; to %2</source>
        <translation>Régler le seuil de « %1 » sur %2</translation>
    </message>
    <message>
        <source>Show &quot;%1&quot;</source>
        <translation>Afficher « %1 »</translation>
    </message>
    <message>
        <source>Hide &quot;%1&quot;</source>
        <translation>Masquer « %1 »</translation>
    </message>
    <message>
        <source>Edit &quot;%1&quot;</source>
        <translation>Modifier « %1 »</translation>
    </message>
</context>
<context>
    <name>PaintStrokeCommand</name>
    <message>
        <source>erase from %1</source>
        <translation>gommer dans %1</translation>
    </message>
    <message>
        <source>paint %1</source>
        <translation>peindre %1</translation>
    </message>
</context>
<context>
    <name>SetOverlapModeCommand</name>
    <message>
        <source>Make labels exclusive</source>
        <translation>Rendre les étiquettes exclusives</translation>
    </message>
    <message>
        <source>Let labels overlap</source>
        <translation>Laisser les étiquettes se superposer</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Label images by saying what you want: type a prompt or draw a box, get the mask.</source>
        <translation>Annotez des images en disant ce que vous cherchez : saisissez un prompt ou tracez un cadre, obtenez le masque.</translation>
    </message>
    <message>
        <source>BUNDLE</source>
        <translation>PAQUET</translation>
    </message>
    <message>
        <source>An image or a folder of images to open.</source>
        <translation>Une image ou un dossier d’images à ouvrir.</translation>
    </message>
    <message>
        <source>Model bundle folder (default: $PROMPTMASK_MODEL, else the model opened last, else the first bundle in ~/.local/share/promptmask/models, else the demo model).</source>
        <translation>Dossier du paquet de modèle (par défaut : $PROMPTMASK_MODEL, sinon le dernier modèle ouvert, sinon le premier paquet de ~/.local/share/promptmask/models, sinon le modèle de démonstration).</translation>
    </message>
</context>
<context>
    <name>pm::ui::AutoLabelController</name>
    <message>
        <source>1 image</source>
        <translation>1 image</translation>
    </message>
    <message>
        <source>%1 images</source>
        <translation>%1 images</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 min</translation>
    </message>
    <message>
        <source>Auto-Label Dataset</source>
        <translation>Étiquetage automatique du jeu de données</translation>
    </message>
    <message>
        <source>Open a folder of images first (Ctrl+Shift+O).</source>
        <translation>Ouvrez d’abord un dossier d’images (Ctrl+Maj+O).</translation>
    </message>
    <message>
        <source>No model is loaded: open one with File → Open Model…</source>
        <translation>Aucun modèle chargé : ouvrez-en un avec Fichier → Ouvrir un modèle…</translation>
    </message>
    <message>
        <source>No label has a prompt yet: add a label and type what it should find.</source>
        <translation>Aucune étiquette n’a encore de prompt : ajoutez une étiquette et tapez ce qu’elle doit trouver.</translation>
    </message>
    <message>
        <source>%1 already have auto annotations made with other labels, thresholds or another model. Replace them with new results?</source>
        <translation>%1 ont déjà des annotations automatiques faites avec d’autres étiquettes, seuils ou un autre modèle. Les remplacer par de nouveaux résultats ?</translation>
    </message>
    <message>
        <source>Replace</source>
        <translation>Remplacer</translation>
    </message>
    <message>
        <source>Keep Them</source>
        <translation>Les garder</translation>
    </message>
    <message>
        <source>Nothing to label: %1</source>
        <translation>Rien à étiqueter : %1</translation>
    </message>
    <message>
        <source>Auto-labelling %1…</source>
        <translation>Étiquetage automatique de %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Auto-labelled %1 of %2 images</source>
        <translation>%1 images sur %2 étiquetées automatiquement</translation>
    </message>
    <message>
        <source>%1 images/s, about %2 left</source>
        <translation>%1 images/s, environ %2 restantes</translation>
    </message>
    <message>
        <source>%1 labelled (%2 shapes) in %3.</source>
        <translation>%1 étiquetées (%2 formes) en %3.</translation>
    </message>
    <message>
        <source>Left alone, marked done or saved by you: %1.</source>
        <translation>Laissées telles quelles, terminées ou enregistrées par vous : %1.</translation>
    </message>
    <message>
        <source>Left alone, with your changes: %1.</source>
        <translation>Laissées telles quelles, avec vos modifications : %1.</translation>
    </message>
    <message>
        <source>Already auto-labelled with these labels: %1.</source>
        <translation>Déjà étiquetées automatiquement avec ces étiquettes : %1.</translation>
    </message>
    <message>
        <source>Failed: %1 (see details).</source>
        <translation>Échecs : %1 (voir les détails).</translation>
    </message>
    <message>
        <source>The run was cancelled; the files written so far are kept.</source>
        <translation>L’exécution a été annulée ; les fichiers déjà écrits sont conservés.</translation>
    </message>
    <message>
        <source>The run stopped: %1.</source>
        <translation>L’exécution s’est arrêtée : %1.</translation>
    </message>
</context>
<context>
    <name>pm::ui::AutoLabelDialog</name>
    <message>
        <source>&amp;All images (%1)</source>
        <translation>&amp;Toutes les images (%1)</translation>
    </message>
    <message>
        <source>The &amp;selected images (%1)</source>
        <translation>Les images &amp;sélectionnées (%1)</translation>
    </message>
    <message>
        <source>Images &amp;without a saved annotation (%1)</source>
        <translation>Images &amp;sans annotation enregistrée (%1)</translation>
    </message>
    <message>
        <source>Auto-Label Dataset</source>
        <translation>Étiquetage automatique du jeu de données</translation>
    </message>
    <message>
        <source>Label the images with the labels of the Labels dock (%1 now), their prompts and thresholds, and save the masks beside each image as auto annotations.</source>
        <translation>Étiqueter les images avec les étiquettes du panneau Étiquettes (%1 actuellement), leurs prompts et seuils, et enregistrer les masques à côté de chaque image comme annotations automatiques.</translation>
    </message>
    <message>
        <source>Images marked done, images with your changes and annotations saved by you are never replaced. The app stays usable while the run goes on.</source>
        <translation>Les images terminées, les images avec vos modifications et les annotations que vous avez enregistrées ne sont jamais remplacées. L’application reste utilisable pendant l’exécution.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Démarrer</translation>
    </message>
</context>
<context>
    <name>pm::ui::AutoLabelRun</name>
    <message>
        <source>another model was loaded</source>
        <translation>un autre modèle a été chargé</translation>
    </message>
    <message>
        <source>no label has a prompt</source>
        <translation>aucune étiquette n’a de prompt</translation>
    </message>
</context>
<context>
    <name>pm::ui::DatasetDocument</name>
    <message>
        <source>Folder not found: %1</source>
        <translation>Dossier introuvable : %1</translation>
    </message>
    <message>
        <source>Image not found: %1</source>
        <translation>Image introuvable : %1</translation>
    </message>
    <message>
        <source>No images in %1</source>
        <translation>Aucune image dans %1</translation>
    </message>
    <message>
        <source>The saved labels could not be read (a backup was kept as labels.json.bak): %1</source>
        <translation>Les étiquettes enregistrées n’ont pas pu être lues (une sauvegarde a été conservée sous labels.json.bak) : %1</translation>
    </message>
    <message>
        <source>Labels could not be saved: %1 The labels are kept in this window; free some space or fix the folder, then retry.</source>
        <translation>Les étiquettes n&apos;ont pas pu être enregistrées : %1 Elles restent dans cette fenêtre ; libérez de l&apos;espace ou corrigez le dossier, puis réessayez.</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Réessayer</translation>
    </message>
    <message>
        <source>This image cannot be read.</source>
        <translation>Cette image ne peut pas être lue.</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>Impossible de lire %1 : %2</translation>
    </message>
    <message>
        <source>%1 cannot be segmented: the model reads it as %2×%3 pixels, the viewer as %4×%5 (an EXIF orientation or image format the two readers disagree on). Save it again as PNG to label it.</source>
        <translation>Impossible de segmenter %1 : le modèle le lit en %2×%3 pixels, la visionneuse en %4×%5 (une orientation EXIF ou un format d&apos;image sur lequel les deux lecteurs divergent). Enregistrez-le à nouveau en PNG pour l&apos;annoter.</translation>
    </message>
    <message>
        <source>Segmentation failed: %1</source>
        <translation>La segmentation a échoué : %1</translation>
    </message>
    <message>
        <source>Changed the brush edits of %1 (not the image shown).</source>
        <translation>Retouches au pinceau de %1 modifiées (pas l’image affichée).</translation>
    </message>
    <message>
        <source>1 instance</source>
        <translation>1 instance</translation>
    </message>
    <message>
        <source>%1 instances</source>
        <translation>%1 instances</translation>
    </message>
    <message>
        <source>Showing the saved annotation %1 (%2); press R to re-segment.</source>
        <translation>Annotation enregistrée %1 affichée (%2) ; appuyez sur R pour resegmenter.</translation>
    </message>
    <message>
        <source>Skipped: %1</source>
        <translation>Ignoré : %1</translation>
    </message>
    <message>
        <source>Labels not in the label list are shown in grey: %1.</source>
        <translation>Les étiquettes absentes de la liste sont affichées en gris : %1.</translation>
    </message>
    <message>
        <source>%1 The image is segmented as if it had no annotation; saving it keeps the old file as &lt;b&gt;%2.bak&lt;/b&gt;.</source>
        <translation>%1 L’image est segmentée comme si elle n’avait pas d’annotation ; l’enregistrer conserve l’ancien fichier sous &lt;b&gt;%2.bak&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Nothing to save: no image is open.</source>
        <translation>Rien à enregistrer : aucune image n’est ouverte.</translation>
    </message>
    <message>
        <source>%1 is saved already (its saved annotation is shown).</source>
        <translation>%1 est déjà enregistrée (son annotation enregistrée est affichée).</translation>
    </message>
    <message>
        <source>%1 was not saved automatically: %2 not segmented yet.</source>
        <translation>%1 n’a pas été enregistrée automatiquement : %2 pas encore segmenté.</translation>
    </message>
    <message>
        <source>%1 is not saved: %2 not segmented yet. Wait for the model, or hide the label.</source>
        <translation>%1 n’est pas enregistrée : %2 pas encore segmenté. Attendez le modèle, ou masquez l’étiquette.</translation>
    </message>
    <message>
        <source>Saved automatically: %1 (%2).</source>
        <translation>Enregistrée automatiquement : %1 (%2).</translation>
    </message>
    <message>
        <source>Saved %1 (%2).</source>
        <translation>%1 enregistrée (%2).</translation>
    </message>
    <message>
        <source>The old file could not be read and was kept as %1.</source>
        <translation>L’ancien fichier n’a pas pu être lu et a été conservé sous %1.</translation>
    </message>
    <message>
        <source>%1 could not be saved: %2 Your edits are kept in this window; free some space or fix the folder, then retry.</source>
        <translation>%1 n&apos;a pas pu être enregistré : %2 Vos modifications restent dans cette fenêtre ; libérez de l&apos;espace ou corrigez le dossier, puis réessayez.</translation>
    </message>
    <message>
        <source>Re-segmenting: the saved file is kept until you save (Ctrl+S) or change something.</source>
        <translation>Resegmentation : le fichier enregistré est conservé jusqu’à ce que vous enregistriez (Ctrl+S) ou modifiiez quelque chose.</translation>
    </message>
    <message>
        <source>No model loaded: open one with File → Open Model…</source>
        <translation>Aucun modèle chargé : ouvrez-en un avec Fichier → Ouvrir un modèle…</translation>
    </message>
    <message numerus="yes">
        <source>Unsaved brush edits from a session that did not end normally were found for %n image(s): %1.</source>
        <translation>
            <numerusform>Des retouches au pinceau non enregistrées d&apos;une session qui ne s&apos;est pas terminée normalement ont été trouvées pour %n image : %1.</numerusform>
            <numerusform>Des retouches au pinceau non enregistrées d&apos;une session qui ne s&apos;est pas terminée normalement ont été trouvées pour %n images : %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Restaurer</translation>
    </message>
    <message numerus="yes">
        <source>Restored the unsaved brush edits of %n image(s).</source>
        <translation>
            <numerusform>Les retouches au pinceau non enregistrées de %n image ont été restaurées.</numerusform>
            <numerusform>Les retouches au pinceau non enregistrées de %n images ont été restaurées.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pm::ui::DatasetExporter</name>
    <message>
        <source>Nothing to export: no image of the folder has a saved annotation (save one with Ctrl+S).</source>
        <translation>Rien à exporter : aucune image du dossier n’a d’annotation enregistrée (enregistrez-en une avec Ctrl+S).</translation>
    </message>
    <message>
        <source>Nothing to export: no saved annotation could be read.</source>
        <translation>Rien à exporter : aucune annotation enregistrée n’a pu être lue.</translation>
    </message>
</context>
<context>
    <name>pm::ui::ErrorText</name>
    <message>
        <source>The model folder %1 does not exist.</source>
        <translation>Le dossier de modèle %1 n’existe pas.</translation>
    </message>
    <message>
        <source>%1 is not a model bundle: a bundle is a folder with manifest.json and model.pt.</source>
        <translation>%1 n’est pas un paquet de modèle : un paquet est un dossier contenant manifest.json et model.pt.</translation>
    </message>
    <message>
        <source>%1 is missing from the model bundle.</source>
        <translation>%1 manque dans le paquet de modèle.</translation>
    </message>
    <message>
        <source>%1 is damaged or was changed: its size or checksum differs from manifest.json.</source>
        <translation>%1 est endommagé ou a été modifié : sa taille ou sa somme de contrôle ne correspond pas à manifest.json.</translation>
    </message>
    <message>
        <source>This model bundle cannot be used: %1</source>
        <translation>Ce paquet de modèle est inutilisable : %1</translation>
    </message>
</context>
<context>
    <name>pm::ui::ExportDialog</name>
    <message>
        <source>&amp;COCO instance segmentation (one JSON file)</source>
        <translation>Segmentation d’instances &amp;COCO (un fichier JSON)</translation>
    </message>
    <message>
        <source>&amp;PNG masks (folder: label-index PNG per image, binary mask per label)</source>
        <translation>Masques &amp;PNG (dossier : un PNG d’indices d’étiquettes par image, un masque binaire par étiquette)</translation>
    </message>
    <message>
        <source>&amp;labelme (folder: one JSON file per image)</source>
        <translation>&amp;labelme (dossier : un fichier JSON par image)</translation>
    </message>
    <message>
        <source>Embed the &amp;images in the JSON files (imageData)</source>
        <translation>Incorporer les &amp;images dans les fichiers JSON (imageData)</translation>
    </message>
    <message>
        <source>&amp;Simplify outlines: far fewer vertices on big shapes, about 1 % IoU</source>
        <translation>&amp;Simplifier les contours : bien moins de sommets sur les grandes formes, environ 1 % d’IoU</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>&amp;Exporter</translation>
    </message>
    <message>
        <source>Export Dataset</source>
        <translation>Exporter le jeu de données</translation>
    </message>
    <message>
        <source>All %1 images of &lt;b&gt;%2&lt;/b&gt; have a saved annotation.</source>
        <translation>Les %1 images de &lt;b&gt;%2&lt;/b&gt; ont toutes une annotation enregistrée.</translation>
    </message>
    <message>
        <source>%1 of %2 images of &lt;b&gt;%3&lt;/b&gt; have a saved annotation; only those are exported. Save an image with &lt;i&gt;Ctrl+S&lt;/i&gt; or &lt;i&gt;Ctrl+Enter&lt;/i&gt;.</source>
        <translation>%1 images sur %2 de &lt;b&gt;%3&lt;/b&gt; ont une annotation enregistrée ; seules celles-ci sont exportées. Enregistrez une image avec &lt;i&gt;Ctrl+S&lt;/i&gt; ou &lt;i&gt;Ctrl+Entrée&lt;/i&gt;.</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Format</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>Pa&amp;rcourir…</translation>
    </message>
    <message>
        <source>Save &amp;to:</source>
        <translation>Enregistrer &amp;dans :</translation>
    </message>
    <message>
        <source>Polygons, RLE for masks with holes</source>
        <translation>Polygones, RLE pour les masques à trous</translation>
    </message>
    <message>
        <source>Polygons</source>
        <translation>Polygones</translation>
    </message>
    <message>
        <source>RLE (exact masks)</source>
        <translation>RLE (masques exacts)</translation>
    </message>
    <message>
        <source>&amp;Masks as:</source>
        <translation>Format des &amp;masques :</translation>
    </message>
    <message>
        <source>Polygons follow the pixel staircase of a mask by default (a round shape of 200 px gets ~290 vertices). Simplified, each outline may deviate by 1 % of its width: a circle keeps ~30 vertices, a rectangle its 4 corners.</source>
        <translation>Par défaut, les polygones suivent l’escalier de pixels d’un masque (une forme ronde de 200 px a ~290 sommets). Simplifié, chaque contour peut s’écarter de 1 % de sa largeur : un cercle garde ~30 sommets, un rectangle ses 4 coins.</translation>
    </message>
    <message>
        <source>Export COCO File</source>
        <translation>Exporter le fichier COCO</translation>
    </message>
    <message>
        <source>Export to Folder</source>
        <translation>Exporter vers un dossier</translation>
    </message>
    <message>
        <source>Choose where to save the export.</source>
        <translation>Choisissez où enregistrer l’export.</translation>
    </message>
    <message>
        <source>Choose a folder outside the dataset folder.</source>
        <translation>Choisissez un dossier hors du dossier du jeu de données.</translation>
    </message>
    <message>
        <source>COCO is one file: choose a file name, not a folder.</source>
        <translation>COCO est un seul fichier : choisissez un nom de fichier, pas un dossier.</translation>
    </message>
</context>
<context>
    <name>pm::ui::ImageDock</name>
    <message>
        <source>Images</source>
        <translation>Images</translation>
    </message>
    <message>
        <source>Include subfolders</source>
        <translation>Inclure les sous-dossiers</translation>
    </message>
    <message>
        <source>Filter by name…</source>
        <translation>Filtrer par nom…</translation>
    </message>
    <message>
        <source>All</source>
        <translation>Toutes</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Nouvelle</translation>
    </message>
    <message>
        <source>Auto</source>
        <translation>Auto</translation>
    </message>
    <message>
        <source>Edited</source>
        <translation>Modifiée</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Terminée</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Erreur</translation>
    </message>
    <message numerus="yes">
        <source>%n image(s)</source>
        <translation>
            <numerusform>%n image</numerusform>
            <numerusform>%n images</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 sur %2</translation>
    </message>
</context>
<context>
    <name>pm::ui::ImageListModel</name>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>pm::ui::LabTile</name>
    <message>
        <source>New label</source>
        <translation>Nouveau libellé</translation>
    </message>
    <message>
        <source>Make this candidate a new label (Ctrl+Z takes it back)</source>
        <translation>Faire de ce candidat un nouveau libellé (Ctrl+Z pour annuler)</translation>
    </message>
    <message>
        <source>Add to…</source>
        <translation>Ajouter à…</translation>
    </message>
    <message>
        <source>Add this candidate to an existing label</source>
        <translation>Ajouter ce candidat à un libellé existant</translation>
    </message>
    <message>
        <source>Remove this candidate</source>
        <translation>Retirer ce candidat</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <source>decoding…</source>
        <translation>calcul en cours…</translation>
    </message>
    <message>
        <source>%1 % · %2 ms</source>
        <translation>%1 % · %2 ms</translation>
    </message>
    <message>
        <source>Mask area at the lab threshold · time of the prompt encoding and decode</source>
        <translation>Surface du masque au seuil du labo · durée de l’encodage du prompt et du décodage</translation>
    </message>
</context>
<context>
    <name>pm::ui::LabelDefinition</name>
    <message>
        <source>label %1</source>
        <translation>étiquette %1</translation>
    </message>
</context>
<context>
    <name>pm::ui::LabelListModel</name>
    <message>
        <source>  (hidden)</source>
        <translation>  (masquée)</translation>
    </message>
    <message>
        <source>Prompts: %1</source>
        <translation>Prompts : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n visual exemplar(s)</source>
        <translation>
            <numerusform>%n exemple visuel</numerusform>
            <numerusform>%n exemples visuels</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>pm::ui::LabelsDock</name>
    <message>
        <source>Labels</source>
        <translation>Étiquettes</translation>
    </message>
    <message>
        <source>Add a label</source>
        <translation>Ajouter une étiquette</translation>
    </message>
    <message>
        <source>Remove the selected label</source>
        <translation>Supprimer l’étiquette sélectionnée</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Monter</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Descendre</translation>
    </message>
    <message>
        <source>Selected label</source>
        <translation>Étiquette sélectionnée</translation>
    </message>
    <message>
        <source>Visible</source>
        <translation>Visible</translation>
    </message>
    <message>
        <source>Remove the selected visual prompt</source>
        <translation>Supprimer le prompt visuel sélectionné</translation>
    </message>
    <message>
        <source>What to find, e.g. &quot;a glass&quot; (; separates prompts)</source>
        <translation>Ce qu’il faut trouver, p. ex. « un verre » (; sépare les prompts)</translation>
    </message>
    <message>
        <source>Label colour</source>
        <translation>Couleur de l’étiquette</translation>
    </message>
    <message>
        <source>Visual prompts: draw a box on any image with the box tool (B)</source>
        <translation>Prompts visuels : tracez un cadre sur n’importe quelle image avec l’outil cadre (B)</translation>
    </message>
    <message>
        <source>Crop, blur, highlight (paper default)</source>
        <translation>Recadrer, flouter, surligner (défaut de l’article)</translation>
    </message>
    <message>
        <source>Crop only</source>
        <translation>Recadrer seulement</translation>
    </message>
    <message>
        <source>Whole image</source>
        <translation>Image entière</translation>
    </message>
    <message>
        <source>How a drawn box becomes a visual prompt</source>
        <translation>Comment un cadre tracé devient un prompt visuel</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nom</translation>
    </message>
    <message>
        <source>Prompt</source>
        <translation>Prompt</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Seuil</translation>
    </message>
    <message>
        <source>Visual</source>
        <translation>Visuel</translation>
    </message>
    <message>
        <source>Box mode</source>
        <translation>Mode du cadre</translation>
    </message>
    <message>
        <source>No labels yet.

Press T and type what to find, e.g. &quot;red circle&quot; — or click + to add a label.</source>
        <translation>Aucune étiquette pour l’instant.

Appuyez sur T et saisissez ce qu’il faut trouver, p. ex. « cercle rouge » — ou cliquez sur + pour ajouter une étiquette.</translation>
    </message>
</context>
<context>
    <name>pm::ui::LanguageMenu</name>
    <message>
        <source>The language changes when PromptMask starts next time.</source>
        <translation>La langue changera au prochain démarrage de PromptMask.</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Langue</translation>
    </message>
    <message>
        <source>System Language</source>
        <translation>Langue du système</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
</context>
<context>
    <name>pm::ui::MainWindow</name>
    <message>
        <source>Open an image (Ctrl+O) or a folder (Ctrl+Shift+O).
Then press T and type what to find, e.g. &quot;a glass&quot;, or draw a box around one example with the box tool (B).</source>
        <translation>Ouvrez une image (Ctrl+O) ou un dossier (Ctrl+Maj+O).
Appuyez ensuite sur T et saisissez ce qu’il faut trouver, p. ex. « un verre », ou tracez un cadre autour d’un exemple avec l’outil cadre (B).</translation>
    </message>
    <message>
        <source>Loading model…</source>
        <translation>Chargement du modèle…</translation>
    </message>
    <message>
        <source>Loading model %1…</source>
        <translation>Chargement du modèle %1…</translation>
    </message>
    <message>
        <source>Model loaded: %1</source>
        <translation>Modèle chargé : %1</translation>
    </message>
    <message>
        <source>Segmenting…</source>
        <translation>Segmentation…</translation>
    </message>
    <message>
        <source>Loading model &lt;b&gt;%1&lt;/b&gt;…</source>
        <translation>Chargement du modèle &lt;b&gt;%1&lt;/b&gt;…</translation>
    </message>
    <message>
        <source>&lt;b&gt;The model could not be loaded.&lt;/b&gt; %1&lt;br&gt;</source>
        <translation>&lt;b&gt;Le modèle n’a pas pu être chargé.&lt;/b&gt; %1&lt;br&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;No model loaded&lt;/b&gt; — here is how to get one: open a model bundle (a folder with &lt;code&gt;manifest.json&lt;/code&gt; and &lt;code&gt;model.pt&lt;/code&gt;) with &lt;i&gt;File → Open Model…&lt;/i&gt;. Export CLIPSeg from Hugging Face with &lt;code&gt;packaging/models/export_clipseg.py&lt;/code&gt;, or use the demo model &lt;code&gt;resources/models/demo-shapes&lt;/code&gt;. &lt;a href=&quot;guide&quot;&gt;Read the user guide&lt;/a&gt;.</source>
        <translation>&lt;b&gt;Aucun modèle chargé&lt;/b&gt; — voici comment en obtenir un : ouvrez un paquet de modèle (un dossier contenant &lt;code&gt;manifest.json&lt;/code&gt; et &lt;code&gt;model.pt&lt;/code&gt;) avec &lt;i&gt;Fichier → Ouvrir un modèle…&lt;/i&gt;. Exportez CLIPSeg depuis Hugging Face avec &lt;code&gt;packaging/models/export_clipseg.py&lt;/code&gt;, ou utilisez le modèle de démonstration &lt;code&gt;resources/models/demo-shapes&lt;/code&gt;. &lt;a href=&quot;guide&quot;&gt;Lire le guide de l’utilisateur&lt;/a&gt;.</translation>
    </message>
    <message>
        <source>Open Model…</source>
        <translation>Ouvrir un modèle…</translation>
    </message>
    <message>
        <source>No model</source>
        <translation>Aucun modèle</translation>
    </message>
    <message>
        <source>No model loaded.
Open a model bundle with File → Open Model… (Ctrl+M); you can still browse images and set up labels.</source>
        <translation>Aucun modèle chargé.
Ouvrez un paquet de modèle avec Fichier → Ouvrir un modèle… (Ctrl+M) ; vous pouvez quand même parcourir les images et préparer les étiquettes.</translation>
    </message>
    <message>
        <source>no model</source>
        <translation>aucun modèle</translation>
    </message>
    <message>
        <source>Unsaved Brush Edits</source>
        <translation>Retouches au pinceau non enregistrées</translation>
    </message>
    <message numerus="yes">
        <source>Brush or eraser edits on %n image(s) are not saved: %1.

Quit and discard them?</source>
        <translation>
            <numerusform>Les retouches au pinceau ou à la gomme sur %n image ne sont pas enregistrées : %1.

Quitter et les abandonner ?</numerusform>
            <numerusform>Les retouches au pinceau ou à la gomme sur %n images ne sont pas enregistrées : %1.

Quitter et les abandonner ?</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>Open &amp;Image…</source>
        <translation>Ouvrir une &amp;image…</translation>
    </message>
    <message>
        <source>Open &amp;Folder…</source>
        <translation>Ouvrir un &amp;dossier…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+O</source>
        <translation>Ctrl+Shift+O</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>Fichiers &amp;récents</translation>
    </message>
    <message>
        <source>Open &amp;Model…</source>
        <translation>Ouvrir un &amp;modèle…</translation>
    </message>
    <message>
        <source>Ctrl+M</source>
        <translation>Ctrl+M</translation>
    </message>
    <message>
        <source>Use &amp;Demo Model</source>
        <translation>Utiliser le modèle de démons&amp;tration</translation>
    </message>
    <message>
        <source>&amp;Save Annotation</source>
        <translation>&amp;Enregistrer l’annotation</translation>
    </message>
    <message>
        <source>&amp;Export Dataset…</source>
        <translation>E&amp;xporter le jeu de données…</translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation>Ctrl+E</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Ctrl+Q</source>
        <translation>Ctrl+Q</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Édition</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>Ctrl+Z</source>
        <translation>Ctrl+Z</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>Ctrl+Shift+Z</source>
        <translation>Ctrl+Shift+Z</translation>
    </message>
    <message>
        <source>&amp;Type a Prompt</source>
        <translation>&amp;Saisir un prompt</translation>
    </message>
    <message>
        <source>&amp;Add Label</source>
        <translation>Ajouter une é&amp;tiquette</translation>
    </message>
    <message>
        <source>Ctrl+L</source>
        <translation>Ctrl+L</translation>
    </message>
    <message>
        <source>Remo&amp;ve Label</source>
        <translation>Supprimer l’éti&amp;quette</translation>
    </message>
    <message>
        <source>Tools</source>
        <translation>Outils</translation>
    </message>
    <message>
        <source>&amp;Box Tool (Visual Prompt)</source>
        <translation>Outil &amp;cadre (prompt visuel)</translation>
    </message>
    <message>
        <source>Draw a box around one example: its crop becomes a visual prompt</source>
        <translation>Tracez un cadre autour d’un exemple : son recadrage devient un prompt visuel</translation>
    </message>
    <message>
        <source>&amp;Paint Brush</source>
        <translation>&amp;Pinceau</translation>
    </message>
    <message>
        <source>Paint pixels into the selected label&apos;s mask</source>
        <translation>Peindre des pixels dans le masque de l’étiquette sélectionnée</translation>
    </message>
    <message>
        <source>&amp;Eraser</source>
        <translation>&amp;Gomme</translation>
    </message>
    <message>
        <source>Erase pixels from the selected label&apos;s mask</source>
        <translation>Effacer des pixels du masque de l’étiquette sélectionnée</translation>
    </message>
    <message>
        <source>Pol&amp;ygon Fill</source>
        <translation>Remplissage par pol&amp;ygone</translation>
    </message>
    <message>
        <source>Click corners around a region to add it to the selected label&apos;s mask (Shift when closing: cut it out)</source>
        <translation>Cliquez les coins autour d’une région pour l’ajouter au masque de l’étiquette sélectionnée (Maj à la fermeture : la découper)</translation>
    </message>
    <message>
        <source>&amp;Fill Holes</source>
        <translation>Boucher les tro&amp;us</translation>
    </message>
    <message>
        <source>Click inside a hole of the selected label to fill it; Shift+click a part to remove it</source>
        <translation>Cliquez dans un trou de l’étiquette sélectionnée pour le boucher ; Maj+clic sur une partie pour la supprimer</translation>
    </message>
    <message>
        <source>&amp;Larger Brush</source>
        <translation>Pinceau plus &amp;large</translation>
    </message>
    <message>
        <source>&amp;Smaller Brush</source>
        <translation>Pinceau plus &amp;fin</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>Zoom a&amp;vant</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>Zoom a&amp;rrière</translation>
    </message>
    <message>
        <source>&amp;Fit to Window</source>
        <translation>&amp;Ajuster à la fenêtre</translation>
    </message>
    <message>
        <source>&amp;Actual Size (1:1)</source>
        <translation>&amp;Taille réelle (1:1)</translation>
    </message>
    <message>
        <source>Ctrl+0</source>
        <translation>Ctrl+0</translation>
    </message>
    <message>
        <source>Probability &amp;Heat Map</source>
        <translation>&amp;Carte de chaleur des probabilités</translation>
    </message>
    <message>
        <source>Over&amp;lapping Labels</source>
        <translation>Chevauchement des éti&amp;quettes</translation>
    </message>
    <message>
        <source>&amp;Exclusive (highest probability wins)</source>
        <translation>&amp;Exclusives (la plus forte probabilité l’emporte)</translation>
    </message>
    <message>
        <source>&amp;Overlapping (independent masks)</source>
        <translation>&amp;Superposées (masques indépendants)</translation>
    </message>
    <message>
        <source>&amp;Image</source>
        <translation>&amp;Image</translation>
    </message>
    <message>
        <source>&amp;Next Image</source>
        <translation>Image &amp;suivante</translation>
    </message>
    <message>
        <source>&amp;Previous Image</source>
        <translation>Image &amp;précédente</translation>
    </message>
    <message>
        <source>&amp;Re-segment</source>
        <translation>&amp;Resegmenter</translation>
    </message>
    <message>
        <source>Ctrl+R</source>
        <translation>Ctrl+R</translation>
    </message>
    <message>
        <source>Run the model on this image, also when it shows a saved annotation</source>
        <translation>Exécuter le modèle sur cette image, même si elle affiche une annotation enregistrée</translation>
    </message>
    <message>
        <source>&amp;Clear Brush Edits</source>
        <translation>&amp;Effacer les retouches au pinceau</translation>
    </message>
    <message>
        <source>Shift+E</source>
        <translation>Shift+E</translation>
    </message>
    <message>
        <source>Remove every brush and eraser stroke of this image (undoable)</source>
        <translation>Supprimer tous les traits de pinceau et de gomme de cette image (annulable)</translation>
    </message>
    <message>
        <source>Save, Mark &amp;Done and Go On</source>
        <translation>Enregistrer, marquer &amp;terminée et continuer</translation>
    </message>
    <message>
        <source>Ctrl+Return</source>
        <translation>Ctrl+Return</translation>
    </message>
    <message>
        <source>Ctrl+Enter</source>
        <translation>Ctrl+Enter</translation>
    </message>
    <message>
        <source>&amp;Auto-Segment on Open</source>
        <translation>Segmenter &amp;automatiquement à l’ouverture</translation>
    </message>
    <message>
        <source>Leaving an image whose masks you changed (status edited) saves them</source>
        <translation>Quitter une image dont vous avez modifié les masques (état modifiée) les enregistre</translation>
    </message>
    <message>
        <source>One &amp;Instance per Label</source>
        <translation>Une &amp;instance par étiquette</translation>
    </message>
    <message>
        <source>Save each label&apos;s mask as one instance instead of one per connected part</source>
        <translation>Enregistrer le masque de chaque étiquette comme une seule instance au lieu d’une par partie connexe</translation>
    </message>
    <message>
        <source>&amp;Minimum Area…</source>
        <translation>Surface &amp;minimale…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <source>&amp;User Guide</source>
        <translation>&amp;Guide de l’utilisateur</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>Ctrl+/</source>
        <translation>Ctrl+/</translation>
    </message>
    <message>
        <source>&amp;About PromptMask</source>
        <translation>À &amp;propos de PromptMask</translation>
    </message>
    <message>
        <source>About PromptMask</source>
        <translation>À propos de PromptMask</translation>
    </message>
    <message>
        <source>&lt;h3&gt;PromptMask %1&lt;/h3&gt;&lt;p&gt;Label images by saying what you want: type a prompt or draw a box around one example, and CLIPSeg paints the mask.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;PromptMask %1&lt;/h3&gt;&lt;p&gt;Annotez des images en disant ce que vous cherchez : saisissez un prompt ou tracez un cadre autour d’un exemple, et CLIPSeg peint le masque.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Open Model Bundle</source>
        <translation>Ouvrir un paquet de modèle</translation>
    </message>
    <message>
        <source>Open Image</source>
        <translation>Ouvrir une image</translation>
    </message>
    <message>
        <source>Images (%1)</source>
        <translation>Images (%1)</translation>
    </message>
    <message>
        <source>Open Folder</source>
        <translation>Ouvrir un dossier</translation>
    </message>
    <message>
        <source>User Guide</source>
        <translation>Guide de l’utilisateur</translation>
    </message>
    <message>
        <source>The user guide is docs/USER_GUIDE.md in the sources.</source>
        <translation>Le guide de l’utilisateur se trouve dans docs/USER_GUIDE.md, dans les sources.</translation>
    </message>
    <message>
        <source>1 image</source>
        <translation>1 image</translation>
    </message>
    <message>
        <source>%1 images</source>
        <translation>%1 images</translation>
    </message>
    <message>
        <source>1 annotation</source>
        <translation>1 annotation</translation>
    </message>
    <message>
        <source>%1 annotations</source>
        <translation>%1 annotations</translation>
    </message>
    <message>
        <source>Minimum Area</source>
        <translation>Surface minimale</translation>
    </message>
    <message>
        <source>Parts of a mask (and holes) smaller than this many pixels are left out of saved annotations:</source>
        <translation>Les parties d’un masque (et les trous) plus petites que ce nombre de pixels sont omises des annotations enregistrées :</translation>
    </message>
    <message>
        <source>Open a folder first (Ctrl+Shift+O).</source>
        <translation>Ouvrez d’abord un dossier (Ctrl+Maj+O).</translation>
    </message>
    <message>
        <source>An export is running already.</source>
        <translation>Un export est déjà en cours.</translation>
    </message>
    <message>
        <source>Exporting %1 as %2…</source>
        <translation>Export de %1 en %2…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Export Dataset</source>
        <translation>Exporter le jeu de données</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Export en cours…</translation>
    </message>
    <message>
        <source>The export was cancelled. Files written so far are complete (a COCO file is only written at the end).</source>
        <translation>L’export a été annulé. Les fichiers déjà écrits sont complets (un fichier COCO n’est écrit qu’à la fin).</translation>
    </message>
    <message>
        <source>The export failed: %1</source>
        <translation>L’export a échoué : %1</translation>
    </message>
    <message>
        <source>Exported %1 with %2 to %3.</source>
        <translation>%1 exporté avec %2 vers %3.</translation>
    </message>
    <message>
        <source>Left out (no saved annotation): %1.</source>
        <translation>Omises (aucune annotation enregistrée) : %1.</translation>
    </message>
    <message>
        <source>Errors: %1 (see details); everything else was exported.</source>
        <translation>Erreurs : %1 (voir les détails) ; tout le reste a été exporté.</translation>
    </message>
    <message>
        <source>Warnings: %1.</source>
        <translation>Avertissements : %1.</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Erreur : %1</translation>
    </message>
    <message>
        <source>Warning: %1</source>
        <translation>Avertissement : %1</translation>
    </message>
    <message>
        <source>a new label</source>
        <translation>une nouvelle étiquette</translation>
    </message>
    <message>
        <source>Brush: drag to paint into %1 ([ ] size, E eraser, P again to stop).</source>
        <translation>Pinceau : faites glisser pour peindre dans %1 ([ ] taille, E gomme, P de nouveau pour arrêter).</translation>
    </message>
    <message>
        <source>Eraser: drag to erase from %1 ([ ] size, P brush, E again to stop).</source>
        <translation>Gomme : faites glisser pour gommer dans %1 ([ ] taille, P pinceau, E de nouveau pour arrêter).</translation>
    </message>
    <message>
        <source>Polygon: click corners (or drag) around what belongs to %1; double-click or Enter fills it, Shift cuts it out, Backspace undoes a corner, Esc drops it.</source>
        <translation>Polygone : cliquez les coins (ou faites glisser) autour de ce qui appartient à %1 ; un double-clic ou Entrée le remplit, Maj le découpe, Retour arrière annule un coin, Échap l’abandonne.</translation>
    </message>
    <message>
        <source>Fill: click inside a hole of %1 to fill it; Shift+click a part of it to remove that part.</source>
        <translation>Remplissage : cliquez dans un trou de %1 pour le boucher ; Maj+clic sur une partie pour la supprimer.</translation>
    </message>
    <message>
        <source>Brush: %1 px wide</source>
        <translation>Pinceau : %1 px de large</translation>
    </message>
    <message>
        <source>Show O&amp;verlay</source>
        <translation>Afficher la &amp;superposition</translation>
    </message>
    <message>
        <source>Save A&amp;utomatically When Leaving an Image</source>
        <translation>Enregistrer a&amp;utomatiquement en quittant une image</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Paramètres</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Chargement de %1…</translation>
    </message>
    <message>
        <source>Su&amp;ggest Threshold…</source>
        <translation>Suggérer un seu&amp;il…</translation>
    </message>
    <message>
        <source>Auto-&amp;Label Dataset…</source>
        <translation>Étiquetage automatique du &amp;jeu de données…</translation>
    </message>
    <message>
        <source>Ctrl+Shift+A</source>
        <translation>Ctrl+Shift+A</translation>
    </message>
    <message>
        <source>Label all images, the selected ones or the unannotated ones with the current labels, in the background</source>
        <translation>Étiqueter toutes les images, les images sélectionnées ou celles sans annotation avec les étiquettes actuelles, en arrière-plan</translation>
    </message>
</context>
<context>
    <name>pm::ui::NoticeBar</name>
    <message>
        <source>Dismiss</source>
        <translation>Fermer</translation>
    </message>
</context>
<context>
    <name>pm::ui::PromptLabDock</name>
    <message>
        <source>Prompt Lab</source>
        <translation>Labo de prompts</translation>
    </message>
    <message>
        <source>&amp;Prompt Lab</source>
        <translation>&amp;Labo de prompts</translation>
    </message>
    <message>
        <source>This image</source>
        <translation>Cette image</translation>
    </message>
    <message>
        <source>Across images</source>
        <translation>Sur plusieurs images</translation>
    </message>
    <message>
        <source>Type a candidate prompt, then Enter (e.g. &quot;a red ellipse&quot;)</source>
        <translation>Saisissez un prompt candidat, puis Entrée (p. ex. « a red ellipse »)</translation>
    </message>
    <message>
        <source>Threshold for the mask areas of all candidates</source>
        <translation>Seuil des surfaces de masque de tous les candidats</translation>
    </message>
    <message>
        <source>Threshold</source>
        <translation>Seuil</translation>
    </message>
    <message>
        <source>Run on the next images</source>
        <translation>Lancer sur les images suivantes</translation>
    </message>
    <message>
        <source>Runs every candidate over the next images of the folder, in the background.</source>
        <translation>Applique chaque candidat aux images suivantes du dossier, en arrière-plan.</translation>
    </message>
    <message>
        <source>Images after this one:</source>
        <translation>Images après celle-ci :</translation>
    </message>
    <message>
        <source>No candidates yet: type one above and press Enter.</source>
        <translation>Aucun candidat pour l’instant : saisissez-en un ci-dessus et appuyez sur Entrée.</translation>
    </message>
    <message numerus="yes">
        <source>%n candidate(s) on %1, decoding %2…</source>
        <translation>
            <numerusform>%n candidat sur %1, %2 en calcul…</numerusform>
            <numerusform>%n candidats sur %1, %2 en calcul…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n candidate(s) on %1, %2 shown</source>
        <translation>
            <numerusform>%n candidat sur %1, %2 affiché(s)</numerusform>
            <numerusform>%n candidats sur %1, %2 affichés</numerusform>
        </translation>
    </message>
    <message>
        <source>No labels yet</source>
        <translation>Aucun libellé pour l’instant</translation>
    </message>
    <message>
        <source>As a prompt (either one finds it)</source>
        <translation>Comme prompt (l’un ou l’autre le trouve)</translation>
    </message>
    <message>
        <source>Add candidates first.</source>
        <translation>Ajoutez d’abord des candidats.</translation>
    </message>
    <message>
        <source>There are no images after this one.</source>
        <translation>Il n’y a pas d’image après celle-ci.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Running: %1 of %2 images</source>
        <translation>En cours : %1 images sur %2</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>échec</translation>
    </message>
    <message>
        <source>Cancelled after %1 of %2 images</source>
        <translation>Annulé après %1 images sur %2</translation>
    </message>
    <message>
        <source>Done: %1 images</source>
        <translation>Terminé : %1 images</translation>
    </message>
    <message>
        <source>Into its ensemble (averaged)</source>
        <translation>Dans son ensemble (moyenné)</translation>
    </message>
    <message>
        <source>As a negative (not this)</source>
        <translation>Comme négatif (pas ceci)</translation>
    </message>
</context>
<context>
    <name>pm::ui::SegmentationWorker</name>
    <message>
        <source>Unexpected error: %1</source>
        <translation>Erreur inattendue : %1</translation>
    </message>
    <message>
        <source>&apos;%1&apos;: no model could be opened</source>
        <translation>« %1 » : aucun modèle n’a pu être ouvert</translation>
    </message>
    <message>
        <source>No model loaded</source>
        <translation>Aucun modèle chargé</translation>
    </message>
    <message>
        <source>nothing to segment</source>
        <translation>rien à segmenter</translation>
    </message>
    <message>
        <source>the visual prompt drawn on %1 was left out: %2</source>
        <translation>le prompt visuel tracé sur %1 a été ignoré : %2</translation>
    </message>
</context>
<context>
    <name>pm::ui::ShortcutsDialog</name>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Select label 1 to 9</source>
        <translation>Sélectionner l’étiquette 1 à 9</translation>
    </message>
    <message>
        <source>Mouse wheel</source>
        <translation>Molette de la souris</translation>
    </message>
    <message>
        <source>Zoom around the cursor</source>
        <translation>Zoomer autour du curseur</translation>
    </message>
    <message>
        <source>Space + drag, middle drag</source>
        <translation>Espace + glisser, glisser avec le bouton du milieu</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>Déplacer la vue</translation>
    </message>
    <message>
        <source>Enter, double-click</source>
        <translation>Entrée, double-clic</translation>
    </message>
    <message>
        <source>Polygon: fill it (with Shift: cut it out)</source>
        <translation>Polygone : le remplir (avec Maj : le découper)</translation>
    </message>
    <message>
        <source>Backspace</source>
        <translation>Retour arrière</translation>
    </message>
    <message>
        <source>Polygon: take the last corner back</source>
        <translation>Polygone : annuler le dernier coin</translation>
    </message>
    <message>
        <source>Esc</source>
        <translation>Échap</translation>
    </message>
    <message>
        <source>Drop the box, stroke or polygon being drawn</source>
        <translation>Abandonner le cadre, le trait ou le polygone en cours</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Touche</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Action</translation>
    </message>
</context>
<context>
    <name>pm::ui::StatusBarWidget</name>
    <message>
        <source>Last request: image encoding / prompt encoding / decoding</source>
        <translation>Dernière requête : encodage de l’image / encodage des prompts / décodage</translation>
    </message>
    <message>
        <source>Cached image encodings and prompt embeddings</source>
        <translation>Encodages d’images et plongements de prompts en cache</translation>
    </message>
    <message>
        <source>Model: %1</source>
        <translation>Modèle : %1</translation>
    </message>
    <message numerus="yes">
        <source>%n thread(s)</source>
        <translation>
            <numerusform>%n thread</numerusform>
            <numerusform>%n threads</numerusform>
        </translation>
    </message>
    <message>
        <source>cached</source>
        <translation>en cache</translation>
    </message>
    <message>
        <source>encode %1 · prompts %2 ms · decode %3 ms</source>
        <translation>encodage %1 · prompts %2 ms · décodage %3 ms</translation>
    </message>
    <message numerus="yes">
        <source>cache: %n image(s)</source>
        <translation>
            <numerusform>cache : %n image</numerusform>
            <numerusform>cache : %n images</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>, %n prompt(s)</source>
        <translation>
            <numerusform>, %n prompt</numerusform>
            <numerusform>, %n prompts</numerusform>
        </translation>
    </message>
    <message>
        <source>, %1% hits</source>
        <translation>, %1% de réussite</translation>
    </message>
</context>
<context>
    <name>pm::ui::ThresholdDialog</name>
    <message>
        <source>Threshold for &quot;%1&quot;</source>
        <translation>Seuil pour « %1 »</translation>
    </message>
    <message>
        <source>Current threshold:</source>
        <translation>Seuil actuel :</translation>
    </message>
    <message>
        <source>Otsu&apos;s guess on this image:</source>
        <translation>Estimation d’Otsu sur cette image :</translation>
    </message>
    <message>
        <source>segment this image first</source>
        <translation>segmentez d’abord cette image</translation>
    </message>
    <message>
        <source>Use Otsu&apos;s Guess</source>
        <translation>Utiliser l’estimation d’Otsu</translation>
    </message>
    <message>
        <source>Learned from your saved images:</source>
        <translation>Appris de vos images enregistrées :</translation>
    </message>
    <message numerus="yes">
        <source>%1 (mean IoU %2 over %n saved image(s))</source>
        <translation>
            <numerusform>%1 (IoU moyenne %2 sur %n image enregistrée)</numerusform>
            <numerusform>%1 (IoU moyenne %2 sur %n images enregistrées)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>save %n more image(s) containing this label</source>
        <translation>
            <numerusform>enregistrez encore %n image contenant ce label</numerusform>
            <numerusform>enregistrez encore %n images contenant ce label</numerusform>
        </translation>
    </message>
    <message>
        <source>Use Learned Threshold</source>
        <translation>Utiliser le seuil appris</translation>
    </message>
    <message>
        <source>Mean IoU with your saved masks at each threshold (dashed: current, dotted: Otsu)</source>
        <translation>IoU moyenne avec vos masques enregistrés pour chaque seuil (tirets : actuel, pointillés : Otsu)</translation>
    </message>
</context>
</TS>
