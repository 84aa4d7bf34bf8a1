// Every published measure of OUTPUTS.md summary.csv, in order, with the input it needs: the rows an
// indicator module does not (yet) produce are listed as `not computed` with this reason.

export interface CatalogEntry {
  id: string;
  indicator: string;
  title: string;
  needs: string[];
}

export const MEASURE_CATALOG: CatalogEntry[] = [
  { id: '1', indicator: '1', title: 'Graduation rate, students with disabilities', needs: ['esea/grad_dropout.csv'] },
  { id: '2.one_year', indicator: '2', title: 'One-year dropout rate, students with disabilities', needs: ['esea/grad_dropout.csv'] },
  { id: '2.four_year', indicator: '2', title: 'Four-year derived dropout rate, students with disabilities', needs: ['esea/grad_dropout.csv'] },
  { id: '3A', indicator: '3', title: 'Districts meeting AYP for the disability subgroup', needs: ['assessment/district_results.csv'] },
  { id: '3B.ela', indicator: '3', title: 'Participation rate, ELA', needs: ['assessment/district_results.csv'] },
  { id: '3B.math', indicator: '3', title: 'Participation rate, Math', needs: ['assessment/district_results.csv'] },
  { id: '3C.ela', indicator: '3', title: 'Proficiency rate, ELA', needs: ['assessment/district_results.csv'] },
  { id: '3C.math', indicator: '3', title: 'Proficiency rate, Math', needs: ['assessment/district_results.csv'] },
  { id: '4A', indicator: '4A', title: 'Districts with significant discrepancy in suspension/expulsion > 10 days', needs: ['casemis/<JUN>/table_a.csv', 'casemis/<JUN>/table_c.csv'] },
  { id: '4A.state_rate', indicator: '4A', title: 'Statewide rate of suspension/expulsion > 10 days', needs: ['casemis/<JUN>/table_a.csv', 'casemis/<JUN>/table_c.csv'] },
  { id: '4B.potential', indicator: '4B', title: 'Districts potentially discrepant by race/ethnicity', needs: ['casemis/<JUN>/table_a.csv', 'casemis/<JUN>/table_c.csv'] },
  { id: '4B', indicator: '4B', title: 'Districts discrepant by race/ethnicity with noncompliant policies', needs: ['casemis/<JUN>/table_c.csv', 'reviews/ppp_reviews.csv'] },
  { id: '5A', indicator: '5', title: 'Removed from regular class less than 21% of the day', needs: ['casemis/<DEC>/table_a.csv'] },
  { id: '5B', indicator: '5', title: 'Removed from regular class greater than 60% of the day', needs: ['casemis/<DEC>/table_a.csv'] },
  { id: '5C', indicator: '5', title: 'Served in separate schools, residential facilities, or homebound/hospital', needs: ['casemis/<DEC>/table_a.csv'] },
  { id: '8', indicator: '8', title: 'Parents reporting schools facilitated involvement', needs: ['survey/parent_survey.csv'] },
  { id: '9.potential', indicator: '9', title: 'Districts potentially disproportionate (all disabilities)', needs: ['casemis/<DEC>/table_a.csv', 'enrollment/cbeds.csv'] },
  { id: '9', indicator: '9', title: 'Districts with disproportionate representation due to inappropriate identification', needs: ['enrollment/cbeds.csv', 'reviews/ppp_reviews.csv'] },
  { id: '10.potential', indicator: '10', title: 'Districts potentially disproportionate (specific disabilities)', needs: ['casemis/<DEC>/table_a.csv', 'enrollment/cbeds.csv'] },
  { id: '10', indicator: '10', title: 'Districts with disproportionate representation in specific disabilities', needs: ['enrollment/cbeds.csv', 'reviews/ppp_reviews.csv'] },
  { id: '11', indicator: '11', title: 'Initial evaluations within 60 days of consent', needs: ['casemis/<JUN>/table_a.csv'] },
  { id: '12', indicator: '12', title: 'Part C referrals with an IEP by the third birthday', needs: ['partc/referrals.csv', 'casemis/<JUN>/table_a.csv'] },
  { id: '13', indicator: '13', title: 'Youth aged 16+ with coordinated transition goals and services', needs: ['casemis/<JUN>/table_a.csv'] },
  { id: '15', indicator: '15', title: 'Noncompliance corrected within one year', needs: ['monitoring/findings.csv'] },
  { id: '16', indicator: '16', title: 'Complaint reports issued within timelines', needs: ['dispute/table7.csv or dispute/complaints.csv'] },
  { id: '17', indicator: '17', title: 'Due process hearings adjudicated within timelines', needs: ['dispute/table7.csv or dispute/hearings.csv'] },
  { id: '18', indicator: '18', title: 'Resolution sessions resulting in settlement agreements', needs: ['dispute/table7.csv or dispute/hearings.csv'] },
  { id: '19', indicator: '19', title: 'Mediations resulting in agreements', needs: ['dispute/table7.csv or dispute/mediations.csv'] },
  { id: '20', indicator: '20', title: 'State-reported data timely and accurate', needs: ['submissions/apr_rubric.csv', 'submissions/618_tables.csv'] },
  { id: '20B', indicator: '20', title: 'SELPAs submitting on time and passing verification', needs: ['submissions/selpa_submissions.csv'] },
];
