namespace SeriousCases.Core.Publication.Identifiability;

/// <summary>UK cities, large towns and counties, matched as written (capitalised). Towns whose names are
/// also everyday words ("Reading", "Bath", "Sale", "Deal", "March", "Wells", "Street") are left out:
/// they would flag half the sentences that start with them, and an editor learns to ignore a noisy check.</summary>
internal static class UkPlaces
{
    public static readonly IReadOnlySet<string> Names = new HashSet<string>(StringComparer.Ordinal)
    {
        // England
        "London", "Birmingham", "Manchester", "Liverpool", "Leeds", "Sheffield", "Bristol", "Newcastle",
        "Newcastle upon Tyne", "Nottingham", "Leicester", "Coventry", "Bradford", "Wolverhampton", "Plymouth",
        "Southampton", "Portsmouth", "Derby", "Stoke", "Stoke on Trent", "Stoke-on-Trent", "Sunderland",
        "Brighton", "Hull", "Kingston upon Hull", "Middlesbrough", "Luton", "Milton Keynes", "Northampton",
        "Norwich", "Oxford", "Cambridge", "Exeter", "York", "Gloucester", "Ipswich", "Peterborough",
        "Swindon", "Bournemouth", "Blackpool", "Blackburn", "Bolton", "Wigan", "Stockport", "Oldham",
        "Rochdale", "Salford", "Preston", "Lancaster", "Carlisle", "Durham", "Gateshead", "Doncaster",
        "Rotherham", "Barnsley", "Wakefield", "Huddersfield", "Halifax", "Warrington", "Chester", "Crewe",
        "Telford", "Shrewsbury", "Worcester", "Hereford", "Lincoln", "Grimsby", "Scunthorpe", "Chelmsford",
        "Colchester", "Southend", "Basildon", "Canterbury", "Maidstone", "Dover", "Margate", "Hastings",
        "Eastbourne", "Crawley", "Guildford", "Woking", "Slough", "Watford", "Stevenage", "St Albans",
        "Basingstoke", "Winchester", "Salisbury", "Truro", "Torquay", "Taunton", "Yeovil", "Cheltenham",
        "Walsall", "Dudley", "West Bromwich", "Solihull", "Nuneaton", "Redditch", "Kidderminster",
        "Mansfield", "Chesterfield", "Burnley", "Accrington", "Barrow", "Kendal", "Harrogate",
        "Scarborough", "Darlington", "Hartlepool", "Stockton", "Redcar", "Blyth", "Bedford", "Aylesbury",
        "High Wycombe", "Reigate", "Worthing", "Bognor Regis", "Chichester", "Southport", "Birkenhead",
        "Wirral", "St Helens", "Widnes", "Runcorn", "Macclesfield", "Tameside", "Bury St Edmunds",
        // Counties and regions
        "Cornwall", "Devon", "Somerset", "Dorset", "Wiltshire", "Hampshire", "Sussex", "Kent", "Surrey",
        "Essex", "Suffolk", "Norfolk", "Lincolnshire", "Yorkshire", "Lancashire", "Cumbria", "Northumberland",
        "Merseyside", "Cheshire", "Derbyshire", "Nottinghamshire", "Leicestershire", "Staffordshire",
        "Shropshire", "Herefordshire", "Worcestershire", "Warwickshire", "Gloucestershire", "Oxfordshire",
        "Buckinghamshire", "Bedfordshire", "Hertfordshire", "Cambridgeshire", "Northamptonshire",
        "Berkshire", "Teesside", "Tyneside",
        // Scotland
        "Glasgow", "Edinburgh", "Aberdeen", "Dundee", "Inverness", "Stirling", "Perth", "Paisley",
        "Kilmarnock", "Livingston", "Falkirk", "Dumfries", "Ayr", "Motherwell", "Hamilton", "Greenock",
        "Kirkcaldy", "Dunfermline", "Fife", "Lanarkshire", "Highlands",
        // Wales
        "Cardiff", "Swansea", "Newport", "Wrexham", "Bangor", "Aberystwyth", "Merthyr Tydfil",
        "Bridgend", "Llanelli", "Rhyl", "Caerphilly", "Pontypridd", "Carmarthen", "Gwynedd", "Powys",
        // Northern Ireland
        "Belfast", "Derry", "Londonderry", "Lisburn", "Newry", "Armagh", "Omagh", "Enniskillen",
        "Ballymena", "Coleraine", "Antrim",
    };
}
