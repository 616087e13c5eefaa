var Sample = Sample || {};
Sample.Visit = {
  onLoad: function (executionContext) {
    var formContext = executionContext.getFormContext();
    formContext.getAttribute("smpl_name").setRequiredLevel("required");
  }
};
