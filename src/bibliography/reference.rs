//! One work in the bibliography: who wrote it, where it appeared, and the
//! identifiers that lead to its primary record.

use std::fmt;

use serde::Serialize;

/// What kind of work a [`Reference`] is; it decides how the reference is
/// written out and how its short label is formed.
///
/// ```
/// use interpersonal::bibliography::{self, ReferenceKind};
///
/// let phq9 = bibliography::get("kroenke-2001-phq9").unwrap();
/// assert_eq!(phq9.kind, ReferenceKind::Article);
/// assert_eq!(ReferenceKind::Book.to_string(), "book");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ReferenceKind {
    /// A paper in a journal; `container` is the journal's abbreviated name.
    Article,
    /// A book written by its authors.
    Book,
    /// A book put together by editors; `authors` holds the editors.
    EditedBook,
    /// A chapter of an edited book; `part_of` names the book's key.
    Chapter,
    /// A report, manual or classification issued by an organisation.
    Document,
}

impl ReferenceKind {
    /// The kind's name in `snake_case`, as it appears in JSON.
    ///
    /// ```
    /// use interpersonal::bibliography::ReferenceKind;
    /// assert_eq!(ReferenceKind::EditedBook.as_str(), "edited_book");
    /// ```
    pub const fn as_str(self) -> &'static str {
        match self {
            ReferenceKind::Article => "article",
            ReferenceKind::Book => "book",
            ReferenceKind::EditedBook => "edited_book",
            ReferenceKind::Chapter => "chapter",
            ReferenceKind::Document => "document",
        }
    }
}

impl fmt::Display for ReferenceKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One work the crate cites: a paper, a book, a chapter or a document.
///
/// Every identifier held here (DOI, PMID, PMCID, ISBN, WHO IRIS handle,
/// document number) was checked against the publisher's or the index's own
/// record; an identifier that could not be confirmed is `None` rather than
/// guessed. The entries live in [`all`](crate::bibliography::all) and are found
/// by key with [`get`](crate::bibliography::get).
///
/// Authors are written as in Vancouver style, surname then initials
/// (`"Weissman MM"`); an organisation is written out in full
/// (`"World Health Organization"`).
///
/// ```
/// use interpersonal::bibliography;
///
/// let mw = bibliography::get("markowitz-weissman-2004-world-psychiatry").unwrap();
/// assert_eq!(mw.year, 2004);
/// assert_eq!(mw.short_label(), "Markowitz & Weissman 2004");
/// assert_eq!(mw.primary_url().as_deref(), Some("https://pubmed.ncbi.nlm.nih.gov/16633477/"));
/// assert!(mw.to_string().starts_with("Markowitz JC, Weissman MM. Interpersonal psychotherapy"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
#[non_exhaustive]
pub struct Reference {
    /// The entry's key: lowercase ASCII letters, digits and `-`, naming the
    /// first author, the year and a word of the title
    /// (`"weissman-2018-guide"`). Citations refer to an entry by this key.
    pub key: &'static str,
    /// What kind of work this is.
    pub kind: ReferenceKind,
    /// The authors (or, for an edited book, the editors), in the order of the
    /// title page: `"Surname Initials"` for a person, the full name for an
    /// organisation.
    pub authors: &'static [&'static str],
    /// Whether more authors follow those listed (only the first were
    /// confirmed); the list is then written with "et al.".
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub et_al: bool,
    /// The year of publication.
    pub year: u16,
    /// The title of the work (for a chapter, of the chapter).
    pub title: &'static str,
    /// The journal (abbreviated as in PubMed) for an article; the series or
    /// collection for a document. `None` for a book.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub container: Option<&'static str>,
    /// For a chapter, the key of the book it is part of.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part_of: Option<&'static str>,
    /// For a chapter, its number in the book.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub chapter: Option<&'static str>,
    /// The edition or version, when it is not the first
    /// (`"2nd"`, `"updated and expanded"`, `"generic field-trial version 1.0"`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub edition: Option<&'static str>,
    /// The publisher (for a book, chapter or document).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub publisher: Option<&'static str>,
    /// The journal volume.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub volume: Option<&'static str>,
    /// The journal issue (or supplement).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issue: Option<&'static str>,
    /// The page range, with an en dash (`"606–613"`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pages: Option<&'static str>,
    /// The DOI, without a resolver prefix (`"10.1016/j.cpr.2013.09.002"`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doi: Option<&'static str>,
    /// The PubMed identifier, digits only.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pmid: Option<&'static str>,
    /// The PubMed Central identifier, with its `PMC` prefix.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub pmcid: Option<&'static str>,
    /// The ISBN, digits only (ISBN-13, or ISBN-10 when only that was
    /// confirmed).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub isbn: Option<&'static str>,
    /// The handle of the document in WHO's institutional repository (IRIS),
    /// e.g. `"10665/250219"`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub who_iris: Option<&'static str>,
    /// The issuing organisation's document number or code
    /// (`"WHO/MSD/MER/16.4"`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub document_number: Option<&'static str>,
    /// A note for the reader: a correction to a commonly repeated citation,
    /// or an identifier still to be confirmed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<&'static str>,
}

impl Reference {
    /// An entry with only a key, kind, authors, year and title; the entries
    /// fill in the rest with struct update syntax.
    pub(crate) const fn new(
        key: &'static str,
        kind: ReferenceKind,
        authors: &'static [&'static str],
        year: u16,
        title: &'static str,
    ) -> Self {
        Reference {
            key,
            kind,
            authors,
            et_al: false,
            year,
            title,
            container: None,
            part_of: None,
            chapter: None,
            edition: None,
            publisher: None,
            volume: None,
            issue: None,
            pages: None,
            doi: None,
            pmid: None,
            pmcid: None,
            isbn: None,
            who_iris: None,
            document_number: None,
            note: None,
        }
    }

    /// The author-year label used in reports: one author
    /// (`"Hamilton 1960"`), two (`"Lipsitz & Markowitz 2013"`), and for three
    /// or more the first followed by "et al." (`"Kroenke et al. 2001"`) —
    /// except that a book or document by three authors names all three, as
    /// such books are usually cited (`"Weissman, Markowitz & Klerman 2018"`).
    ///
    /// When two entries of the bibliography would get the same label, each
    /// gets a letter after the year in key order (`"Frank et al. 1991a"`).
    ///
    /// ```
    /// use interpersonal::bibliography;
    ///
    /// let label = |key| bibliography::get(key).unwrap().short_label();
    /// assert_eq!(label("weissman-2018-guide"), "Weissman, Markowitz & Klerman 2018");
    /// assert_eq!(label("kroenke-2001-phq9"), "Kroenke et al. 2001");
    /// assert_eq!(label("hamilton-1960-hamd"), "Hamilton 1960");
    /// assert_eq!(label("who-2016-group-ipt"), "World Health Organization & Columbia University 2016");
    /// ```
    pub fn short_label(&self) -> String {
        let base = self.base_label();
        // Only entries of the same year and first author can share a label.
        let first = self.authors.first().map(|a| surname(a));
        let mut position = None;
        let mut same = 0usize;
        for other in crate::bibliography::all() {
            if other.year == self.year
                && other.authors.first().map(|a| surname(a)) == first
                && other.base_label() == base
            {
                if other.key == self.key {
                    position = Some(same);
                }
                same += 1;
            }
        }
        match position
            .and_then(|i| u8::try_from(i).ok())
            .filter(|i| *i < 26)
        {
            Some(i) if same > 1 => format!("{base}{}", char::from(b'a' + i)),
            _ => base,
        }
    }

    /// The label before any letter is added: names and year.
    fn base_label(&self) -> String {
        let names = match self.authors {
            [] => String::from("Anonymous"),
            [first, ..] if self.et_al => format!("{} et al.", surname(first)),
            [one] => surname(one).to_owned(),
            [a, b] => format!("{} & {}", surname(a), surname(b)),
            [a, b, c] if self.names_three() => {
                format!("{}, {} & {}", surname(a), surname(b), surname(c))
            }
            [first, ..] => format!("{} et al.", surname(first)),
        };
        format!("{names} {}", self.year)
    }

    /// Whether a three-author work is labelled with all three names.
    fn names_three(&self) -> bool {
        matches!(
            self.kind,
            ReferenceKind::Book | ReferenceKind::EditedBook | ReferenceKind::Document
        )
    }

    /// A link to the work's primary record, when it has one: its DOI
    /// (`https://doi.org/…`), else its PubMed Central record, else its
    /// PubMed record, else its WHO IRIS record. Never a link to a copy.
    ///
    /// ```
    /// use interpersonal::bibliography;
    ///
    /// let lipsitz = bibliography::get("lipsitz-markowitz-2013-mechanisms").unwrap();
    /// assert_eq!(lipsitz.primary_url().as_deref(), Some("https://doi.org/10.1016/j.cpr.2013.09.002"));
    /// let klerman = bibliography::get("klerman-1984-ipt-depression").unwrap();
    /// assert_eq!(klerman.primary_url(), None); // a 1984 book has no identifier to link
    /// ```
    pub fn primary_url(&self) -> Option<String> {
        self.links().next()
    }

    /// Links to every primary record of the work, most authoritative first:
    /// DOI, PubMed Central, PubMed, WHO IRIS.
    ///
    /// ```
    /// use interpersonal::bibliography;
    ///
    /// let rajhans = bibliography::get("rajhans-2020-ipt-guideline").unwrap();
    /// let links: Vec<String> = rajhans.links().collect();
    /// assert_eq!(links, [
    ///     "https://doi.org/10.4103/psychiatry.IndianJPsychiatry_771_19",
    ///     "https://pmc.ncbi.nlm.nih.gov/articles/PMC7001362/",
    ///     "https://pubmed.ncbi.nlm.nih.gov/32055063/",
    /// ]);
    /// ```
    pub fn links(&self) -> impl Iterator<Item = String> + '_ {
        let doi = self.doi.map(|d| format!("https://doi.org/{d}"));
        let pmc = self
            .pmcid
            .map(|p| format!("https://pmc.ncbi.nlm.nih.gov/articles/{p}/"));
        let pubmed = self
            .pmid
            .map(|p| format!("https://pubmed.ncbi.nlm.nih.gov/{p}/"));
        let iris = self
            .who_iris
            .map(|h| format!("https://iris.who.int/handle/{h}"));
        [doi, pmc, pubmed, iris].into_iter().flatten()
    }

    /// The book a chapter is part of, looked up by its `part_of` key.
    ///
    /// ```
    /// use interpersonal::bibliography;
    ///
    /// let law = bibliography::get("law-2012-complicated-grief").unwrap();
    /// assert_eq!(law.book().unwrap().key, "markowitz-weissman-2012-casebook");
    /// ```
    pub fn book(&self) -> Option<&'static Reference> {
        self.part_of.and_then(crate::bibliography::get)
    }
}

/// A person's surname from `"Surname Initials"`; an organisation's whole name.
fn surname(author: &str) -> &str {
    match author.rsplit_once(' ') {
        Some((name, initials))
            if !initials.is_empty()
                && initials.len() <= 3
                && initials.bytes().all(|b| b.is_ascii_uppercase()) =>
        {
            name
        }
        _ => author,
    }
}

/// Writes the work out in full, in Vancouver style: authors, title, where it
/// appeared, and its identifiers.
///
/// ```
/// use interpersonal::bibliography;
///
/// let phq9 = bibliography::get("kroenke-2001-phq9").unwrap();
/// assert_eq!(
///     phq9.to_string(),
///     "Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression \
///      severity measure. J Gen Intern Med. 2001;16(9):606–613. \
///      doi:10.1046/j.1525-1497.2001.016009606.x. PMID: 11556941. PMCID: PMC1495268.",
/// );
/// ```
impl fmt::Display for Reference {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_authors(f, self.authors)?;
        if self.et_al && self.authors.len() <= 6 {
            f.write_str(", et al")?;
        }
        if self.kind == ReferenceKind::EditedBook {
            f.write_str(", editors")?;
        }
        write!(f, ". {}", self.title)?;
        if !self.title.ends_with(['.', '?', '!']) {
            f.write_str(".")?;
        }
        match self.kind {
            ReferenceKind::Article => {
                if let Some(journal) = self.container {
                    write!(f, " {journal}.")?;
                }
                write!(f, " {}", self.year)?;
                if let Some(volume) = self.volume {
                    write!(f, ";{volume}")?;
                }
                if let Some(issue) = self.issue {
                    write!(f, "({issue})")?;
                }
                if let Some(pages) = self.pages {
                    write!(f, ":{pages}")?;
                }
                f.write_str(".")?;
            }
            ReferenceKind::Chapter => {
                if let Some(book) = self.book() {
                    f.write_str(" In: ")?;
                    write_authors(f, book.authors)?;
                    if book.kind == ReferenceKind::EditedBook {
                        f.write_str(", editors")?;
                    }
                    write!(f, ". {}.", book.title)?;
                    write_imprint(f, book.edition, book.publisher, self.year)?;
                } else {
                    write_imprint(f, self.edition, self.publisher, self.year)?;
                }
                if let Some(chapter) = self.chapter {
                    write!(f, " Chapter {chapter}.")?;
                }
            }
            ReferenceKind::Book | ReferenceKind::EditedBook | ReferenceKind::Document => {
                if let Some(series) = self.container {
                    write!(f, " {series}.")?;
                }
                write_imprint(f, self.edition, self.publisher, self.year)?;
            }
        }
        if let Some(number) = self.document_number {
            write!(f, " {number}.")?;
        }
        if let Some(isbn) = self.isbn {
            write!(f, " ISBN {isbn}.")?;
        }
        if let Some(doi) = self.doi {
            write!(f, " doi:{doi}.")?;
        }
        if let Some(pmid) = self.pmid {
            write!(f, " PMID: {pmid}.")?;
        }
        if let Some(pmcid) = self.pmcid {
            write!(f, " PMCID: {pmcid}.")?;
        }
        Ok(())
    }
}

/// `"A, B, C"`; more than six authors end with "et al." as in Vancouver style.
fn write_authors(f: &mut fmt::Formatter<'_>, authors: &[&str]) -> fmt::Result {
    let shown = if authors.len() > 6 { 6 } else { authors.len() };
    for (i, author) in authors.iter().take(shown).enumerate() {
        if i > 0 {
            f.write_str(", ")?;
        }
        f.write_str(author)?;
    }
    if authors.len() > shown {
        f.write_str(", et al")?;
    }
    Ok(())
}

/// `" 2nd ed. Publisher; 2012."`
fn write_imprint(
    f: &mut fmt::Formatter<'_>,
    edition: Option<&str>,
    publisher: Option<&str>,
    year: u16,
) -> fmt::Result {
    match edition {
        // A version or revision name ("generic field-trial version 1.0",
        // "5th ed., text revision") stands alone.
        Some(edition) if edition.contains("version") || edition.contains("revision") => {
            write!(f, " {edition}.")?
        }
        Some(edition) => write!(f, " {edition} ed.")?,
        None => {}
    }
    match publisher {
        Some(publisher) => write!(f, " {publisher}; {year}."),
        None => write!(f, " {year}."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bibliography::{all, get};

    #[test]
    fn surnames_of_people_and_organisations() {
        assert_eq!(surname("Weissman MM"), "Weissman");
        assert_eq!(surname("Löwe B"), "Löwe");
        assert_eq!(surname("Williams JBW"), "Williams");
        assert_eq!(
            surname("World Health Organization"),
            "World Health Organization"
        );
        assert_eq!(
            surname("American Psychiatric Association"),
            "American Psychiatric Association"
        );
    }

    #[test]
    fn labels_follow_the_author_count_rule() {
        let label = |key| get(key).unwrap().short_label();
        assert_eq!(label("hamilton-1960-hamd"), "Hamilton 1960");
        assert_eq!(
            label("lipsitz-markowitz-2013-mechanisms"),
            "Lipsitz & Markowitz 2013"
        );
        assert_eq!(
            label("weissman-2018-guide"),
            "Weissman, Markowitz & Klerman 2018"
        );
        assert_eq!(
            label("markowitz-weissman-2012-casebook"),
            "Markowitz & Weissman 2012"
        );
        assert_eq!(label("elkin-1989-tdcrp"), "Elkin et al. 1989");
        assert_eq!(label("rajhans-2020-ipt-guideline"), "Rajhans et al. 2020");
    }

    #[test]
    fn colliding_labels_get_letters_in_key_order() {
        let consensus = get("frank-1991-consensus-definitions").unwrap();
        let maintenance = get("frank-1991-maintenance-ipt").unwrap();
        assert_eq!(consensus.short_label(), "Frank et al. 1991a");
        assert_eq!(maintenance.short_label(), "Frank et al. 1991b");
    }

    #[test]
    fn every_label_is_unique() {
        let mut labels: Vec<String> = all().iter().map(Reference::short_label).collect();
        labels.sort();
        let before = labels.len();
        labels.dedup();
        assert_eq!(before, labels.len(), "two entries share a short label");
    }

    #[test]
    fn links_go_to_primary_hosts_only() {
        for reference in all() {
            for link in reference.links() {
                assert!(
                    link.starts_with("https://doi.org/10.")
                        || link.starts_with("https://pmc.ncbi.nlm.nih.gov/articles/PMC")
                        || link.starts_with("https://pubmed.ncbi.nlm.nih.gov/")
                        || link.starts_with("https://iris.who.int/handle/10665/"),
                    "{}: {link}",
                    reference.key
                );
            }
        }
    }

    #[test]
    fn chapters_render_their_book() {
        let law = get("law-2012-complicated-grief").unwrap();
        let text = law.to_string();
        assert!(text.starts_with("Law R. Complicated grief. In: Markowitz JC, Weissman MM, editors. Casebook of Interpersonal Psychotherapy. Oxford University Press; 2012. Chapter 2."), "{text}");
        assert!(
            text.ends_with("doi:10.1093/med:psych/9780199746903.003.0002."),
            "{text}"
        );
    }

    #[test]
    fn books_and_documents_render_their_imprint() {
        let guide = get("weissman-2018-guide").unwrap().to_string();
        assert_eq!(
            guide,
            "Weissman MM, Markowitz JC, Klerman GL. The Guide to Interpersonal Psychotherapy. Updated and expanded ed. Oxford University Press; 2018."
        );
        let who = get("who-2016-group-ipt").unwrap().to_string();
        assert!(who.contains("WHO/MSD/MER/16.4."), "{who}");
        let casebook = get("markowitz-weissman-2012-casebook").unwrap().to_string();
        assert!(
            casebook.starts_with("Markowitz JC, Weissman MM, editors. Casebook"),
            "{casebook}"
        );
    }

    #[test]
    fn long_author_lists_are_cut_after_six() {
        let elkin = get("elkin-1989-tdcrp").unwrap().to_string();
        assert!(
            elkin.starts_with(
                "Elkin I, Shea MT, Watkins JT, Imber SD, Sotsky SM, Collins JF, et al. National"
            ),
            "{elkin}"
        );
    }

    #[test]
    fn serialises_without_empty_fields() {
        let json = serde_json::to_value(get("hamilton-1960-hamd").unwrap()).unwrap();
        assert_eq!(json["key"], "hamilton-1960-hamd");
        assert_eq!(json["kind"], "article");
        assert_eq!(json["authors"][0], "Hamilton M");
        assert!(json.get("doi").is_none());
        assert!(json.get("isbn").is_none());
    }

    #[test]
    fn kind_names_match_serde() {
        for kind in [
            ReferenceKind::Article,
            ReferenceKind::Book,
            ReferenceKind::EditedBook,
            ReferenceKind::Chapter,
            ReferenceKind::Document,
        ] {
            assert_eq!(serde_json::to_value(kind).unwrap(), kind.as_str());
        }
    }
}
