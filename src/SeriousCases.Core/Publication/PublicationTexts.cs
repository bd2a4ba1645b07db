namespace SeriousCases.Core.Publication;

/// <summary>The fixed text of the publication, as seed 004 words it: section introductions, signposting and glossary.</summary>
public static class PublicationTexts
{
    /// <summary>Introductions printed under a service-line section heading (2022/23 wording), by service line code.</summary>
    public static readonly IReadOnlyDictionary<string, string> SectionIntroductions = new Dictionary<string, string>
    {
        ["ESA"] = "Employment and Support Allowance (ESA) is a legacy benefit paid if you have a disability or health condition that affects how much you can work. It has been replaced by Universal Credit and New Style ESA (paid if you are sick and have sufficient National Insurance contributions).",
        ["CMS"] = "Child maintenance covers how a child’s living costs will be paid when one of the parents does not live with the child. It’s made when a parent is separated from the other parent or if they’ve never been in a relationship. This is a financial arrangement between one parent and the other parent of the child.",
        ["UC"] = "Universal Credit (UC) is a primary benefit for individuals below State Pension age who have low income, are unemployed, or are unable to work. As of October 2023, over 6 million people were claiming UC.",
    };

    public const string CrossBenefitIntroduction = "Customers can claim more than one benefit or use more than one DWP service, and when an IPR is conducted it looks at the all the services that a customer used. This means that some IPRs will identify learning across these different service lines.";

    /// <summary>Signposting: a topic (or a nation under the topic above it) and the GOV.UK or NHS page it points to.</summary>
    public static readonly IReadOnlyList<(string Topic, string Link)> Signposting =
    [
        ("If you have been affected by any of the topics covered within this publication, there is information and support available online:", ""),
        ("Check benefits and financial support you can get", "Check benefits and financial support you can get - GOV.UK"),
        ("Benefits (Scotland only)", "Benefits - mygov.scot"),
        ("Challenge and appeal a benefit decision", "Challenge and appeal a benefit decision: step by step - GOV.UK"),
        ("Get extra help and support to manage your DWP benefits or pension", "Get extra help and support to manage your benefits or pension - GOV.UK"),
        ("Support for Mortgage Interest", "Support for Mortgage Interest (SMI): Overview - GOV.UK"),
        ("Bereavement help and support", "What to do after someone dies: Bereavement help and support - GOV.UK"),
        ("Homelessness", "Help if you're homeless or about to become homeless - GOV.UK"),
        ("Domestic Abuse", "Domestic abuse: how to get help - GOV.UK"),
        ("Mental Health", ""),
        ("England", "Mental health – NHS"),
        ("Scotland", "Mental health | NHS inform"),
        ("Wales", "NHS 111 Wales - Health A-Z : Mental Health and Wellbeing"),
        ("Suicidal thoughts", ""),
        ("England", "Help for suicidal thoughts - NHS"),
        ("Scotland", "Getting help with your suicidal thoughts | Suicide | NHS inform"),
        ("Wales", "NHS 111 Wales - Health A-Z : Suicidal thoughts"),
    ];

    public static readonly IReadOnlyList<(string Term, string Meaning)> Glossary =
    [
        ("Advanced Customer Support Senior Leader (ACSSL)", "An ACSSL coaches and engages with colleagues across DWP services to help support our most vulnerable customers."),
        ("Appointee", "An individual or organisation authorised to act on behalf of a person who is unable to manage their own benefits, often due to age, illness, or disability."),
        ("Assessment Provider (AP)", "An organisation contracted on behalf of DWP to conduct health assessments for customers."),
        ("Budgeting Advance", "Provides UC customers access to an interest free payment for one-off items, designed to help claimants with irregular expenses."),
        ("Case Control", "A reminder set on a case, which sends a prompt to an agent when the date set is reached."),
        ("Child Maintenance Group (CMG)", "Now known as Child Maintenance Services (CMS). CMS helps ensure that children receive financial support from both parents, even if they are not living together."),
        ("Claimant Commitment", "An agreement between the customer and DWP outlining the responsibilities and activities the customer must undertake to receive UC."),
        ("Complex Needs Toolkit", "Used by colleagues to signpost customers who are likely to benefit from extra or face-to-face support to an appropriate service."),
        ("Contracted Health", "The team that manages the contracts with Assessment Providers."),
        ("Debt Management", "The part of DWP that is responsible for agreeing a payment plan with a customer to collect debt that is owed."),
        ("Deduction from Earnings Order", "A voluntary or enforced method used by CMS to collect child maintenance payments directly from the paying parent's wages."),
        ("Document Repository System (DRS)", "The computer system that holds post that has been electronically scanned."),
        ("Domestic Homicide Review (DHR)", "Examines the circumstances surrounding citizen deaths, focusing on the actions and responses of agencies and professionals involved."),
        ("Habitual Residence", "The place where a person has their regular, permanent home."),
        ("Handover Telephony Tool", "An internal system to escalate urgent telephone calls to the appropriate team. Sometimes referred to as HOTT."),
        ("Hardship Payment", "Available to customers who have had their regular benefit payments reduced or stopped due to sanctions, intended to help cover essential costs and which is repayable from UC."),
        ("Internal Process Review Group (IPRG)", "A group made up of DWP colleagues from all service lines, who reviewed the key findings and agreed the activity needed to resolve them."),
        ("Journal Message", "Used to exchange information and updates between a customer and their Work Coach or agent regarding a customer's UC account."),
        ("Liability Order", "A court order which says someone owes money. If the court grants a Liability Order, CMS can take legal action to try to collect the money owed."),
        ("Mandatory Reconsideration (MR)", "The process that allows customers to challenge a DWP decision."),
        ("Paying Parent", "The parent who doesn't have the main day-to-day care of the child and is responsible for providing financial support."),
        ("Quality Assurance Framework", "The quality checking process used across DWP to improve service delivery, and target improvements to the quality of service delivered to our customers."),
        ("Receiving Parent", "The person who receives child maintenance payments and typically has primary custody of the child and is responsible for their day-to-day care and upbringing."),
        ("Safeguarding Adult Board (SAB)", "Statutory bodies established by Local Authorities to protect adults with care and support needs from abuse and neglect."),
        ("Service Planning and Delivery (SPD)", "A team responsible for modernising DWP services."),
        ("Significant Case Review (SCR, Scotland only)", "A means for Adult Protection Committees to learn lessons from reviewing the circumstances where an adult at risk has died or been significantly harmed."),
        ("Six Point Plan", "DWPs response to instances where customers declare an intent to take their own life or harm themselves."),
        ("Support Group", "If you're entitled to ESA, you will be placed in the support group if you cannot work now, and you are not expected to prepare for work in the future."),
        ("To-Do", "Refers to a specific task or action that a UC agent is required to complete."),
        ("Universal Credit 50 form (UC50)", "A questionnaire used by DWP to gather information to support an assessment of a customer's capability for work and work-related activities."),
        ("Universal Credit RESTART Programme", "A government initiative designed to support customers who have been out of work for a significant period, helping them re-enter the workforce."),
        ("Unlikely to Pay check", "A check used to assess whether the paying parent would be unlikely to pay child maintenance directly to the receiving parent."),
        ("Work and Health (W&H)", "Area of DWP that administers a range of working age, disability and ill health benefits."),
        ("Work Capability Assessment (WCA)", "The assessment used by ESA and UC, to assess a customer's capability to work when they have declared they have a health condition."),
        ("Work Related Activity Group (WRAG)", "If you're entitled to ESA, you will be placed in this group if you cannot work now but can prepare to work in the future."),
    ];
}
