<#ftl encoding="UTF-8">
<#-- reward-notice's html and text: why, after "thanks for": a rule's cause worded here in this language; a person's reason as typed -->
<#function thanksFor reward>
  <#switch (reward.cause)!"">
    <#case "ANNIVERSARY"><#return ((reward.detail)!"") + " years as our customer">
    <#case "TOP_TIER"><#return "being one of our top ten customers">
    <#case "INTRODUCTION_CONVERTED"><#return "the introduction to " + ((reward.detail)!"") + " that became a deal">
    <#case "REFERRAL_CONVERTED"><#return "recommending " + ((reward.detail)!"")>
    <#default><#return (reward.reason)!"">
  </#switch>
</#function>
